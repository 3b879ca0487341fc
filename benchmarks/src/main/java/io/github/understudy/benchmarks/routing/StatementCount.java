package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.benchmarks.support.Sleep;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statements per operation that reach the servers, from their own {@code Com_*} counters: machine noise does not
 * change it. Each variant runs alone: warm-up (pools filled, so connection set-up is not counted), then
 * {@code operations} of each kind between two readings. Understudy's monitor probes are time-based, not
 * per-operation, and are left out ({@link #PROBE_COUNTERS}); everything else counts.
 */
final class StatementCount {

    /** What the health monitor sends: two SHOW statements per node and probe. */
    static final List<String> PROBE_COUNTERS = List.of("Com_show_variables", "Com_show_slave_status",
            "Com_show_replica_status");

    private static final long SETTLE_MILLIS = 2000;

    private StatementCount() {
    }

    /**
     * Per-operation counts of one variant.
     *
     * @param total    statements per operation, all servers together
     * @param counters per server, per counter, statements per operation
     */
    record PerOperation(double total, Map<String, Map<String, Double>> counters) {
    }

    /** @return per benchmark method name, the counts */
    static Map<String, PerOperation> measure(Variant variant, ClusterAccess access, ServerCounters counters,
                                             int operations) throws SQLException {
        boolean readOnly = variant.setsReadOnly();
        try (Variant.Opened opened = variant.open(access)) {
            Operations.warmUp(opened.dataSource(), readOnly);
            Map<String, Operation> measured = new LinkedHashMap<>();
            measured.put("borrowSelectClose", () -> Operations.borrowSelectClose(opened.dataSource(), readOnly));
            measured.put("borrowClose", () -> Operations.borrowClose(opened.dataSource(), readOnly));
            return count(measured, counters, operations);
        }
    }

    /** @return per point operation ({@code read}, {@code write}), the counts */
    static Map<String, PerOperation> measure(PointVariant variant, boolean localSessionState, ClusterAccess access,
                                             ServerCounters counters, int operations) throws SQLException {
        try (PointVariant.Opened opened = variant.open(access, localSessionState)) {
            PointOperations.warmUp(opened);
            Map<String, Operation> measured = new LinkedHashMap<>();
            measured.put("read", () -> PointOperations.read(opened.reads()));
            measured.put("write", () -> PointOperations.write(opened.writes()));
            return count(measured, counters, operations);
        }
    }

    /** One measured operation. */
    @FunctionalInterface
    interface Operation {
        void run() throws SQLException;
    }

    private static Map<String, PerOperation> count(Map<String, Operation> measured, ServerCounters counters,
                                                   int operations) throws SQLException {
        Sleep.millis(SETTLE_MILLIS); // pools fill to their minimum in the background: not per operation
        for (int i = 0; i < 50; i++) { // a connection idle for 500 ms is validated (a ping) at its next borrow
            for (Operation operation : measured.values()) {
                operation.run();
            }
        }
        Map<String, PerOperation> result = new LinkedHashMap<>();
        for (Map.Entry<String, Operation> entry : measured.entrySet()) {
            Map<String, Map<String, Long>> before = counters.read();
            for (int i = 0; i < operations; i++) {
                entry.getValue().run();
            }
            result.put(entry.getKey(), perOperation(ServerCounters.delta(before, counters.read(), PROBE_COUNTERS),
                    operations));
        }
        return result;
    }

    private static PerOperation perOperation(Map<String, Map<String, Long>> delta, int operations) {
        Map<String, Map<String, Double>> counters = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Map<String, Long>> node : delta.entrySet()) {
            Map<String, Double> perOp = new TreeMap<>();
            for (Map.Entry<String, Long> counter : node.getValue().entrySet()) {
                perOp.put(counter.getKey(), counter.getValue() / (double) operations);
                total += counter.getValue();
            }
            counters.put(node.getKey(), perOp);
        }
        return new PerOperation(total / operations, counters);
    }

    /** @return e.g. {@code n2: Com_select 1} or {@code none} */
    static String describe(PerOperation counts) {
        StringBuilder text = new StringBuilder();
        counts.counters().forEach((node, counters) -> counters.forEach((name, value) -> text
                .append(text.length() == 0 ? "" : ", ").append(node).append(' ')
                .append(name.replace("Com_", "")).append(' ')
                .append(io.github.understudy.benchmarks.results.MarkdownTable.format(value))));
        return text.length() == 0 ? "none" : text.toString();
    }
}
