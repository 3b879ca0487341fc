package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.results.MarkdownTable;
import io.github.understudy.benchmarks.results.Report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The point workload's part of the routing report: per variant and session-state setting, µs/op with JMH's
 * 99.9% error and the spread of the forks' means, the ratios to plain HikariCP and to Spring's proxy, B/op,
 * statements/op, the CPU account, and the targets (time ≤ 1.05× HikariCP, allocation ≤ Spring's + 10%).
 */
final class PointReport {

    private static final List<String> OPERATIONS = List.of("read", "write");
    private static final double TIME_TARGET = 1.05;
    private static final double ALLOCATION_TARGET = 1.10;

    /** Per operation, per "variant lss=…", the measurement. */
    private final Map<String, Map<String, Measured>> measured = new LinkedHashMap<>();
    private final Map<String, Map<String, StatementCount.PerOperation>> statements;
    private final Map<String, Map<String, CpuAccount.Account>> accounts;

    private record Measured(Result<?> time, double[] forks, Double bytes) {
    }

    /**
     * @param results    JMH's results of {@link PointBenchmark}
     * @param statements per "variant lss=…", per operation, the statement counts
     * @param accounts   per "variant lss=…", per operation, the CPU account (may be empty)
     */
    PointReport(Collection<RunResult> results, Map<String, Map<String, StatementCount.PerOperation>> statements,
                Map<String, Map<String, CpuAccount.Account>> accounts) {
        this.statements = statements;
        this.accounts = accounts;
        for (RunResult result : results) {
            String operation = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String key = key(result.getParams().getParam("variant"),
                    Boolean.parseBoolean(result.getParams().getParam("localSessionState")));
            Double bytes = null;
            for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
                if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytes = secondary.getValue().getScore();
                }
            }
            double[] forks = result.getBenchmarkResults().stream().map(BenchmarkResult::getPrimaryResult)
                    .mapToDouble(Result::getScore).toArray();
            measured.computeIfAbsent(operation, o -> new LinkedHashMap<>())
                    .put(key, new Measured(result.getPrimaryResult(), forks, bytes));
        }
    }

    /** @return the key of a variant and a session-state setting, as the maps above use it */
    static String key(String variant, boolean localSessionState) {
        return variant + " lss=" + localSessionState;
    }

    void addTo(Report report, int threads) {
        List<Object> rows = new ArrayList<>();
        List<Object> verdicts = new ArrayList<>();
        MarkdownTable targets = new MarkdownTable("target", "operation", "useLocalSessionState", "measured",
                "verdict");
        for (String operation : OPERATIONS) {
            Map<String, Measured> byKey = measured.get(operation);
            if (byKey != null) {
                report.table("Point " + operation + " (µs/op, " + threads + " threads, pools of "
                        + PointVariant.POOL_SIZE + ", lower is better)", table(operation, byKey, rows));
                for (boolean lss : List.of(true, false)) {
                    targets(operation, lss, byKey, targets, verdicts);
                }
            }
        }
        report.table("Point workload targets", targets);
        if (!accounts.isEmpty()) {
            report.table("Where a point operation's time goes (CPU µs per operation)", accountTable());
            report.text("CPU per operation over a fixed count of operations on " + threads + " threads, in the "
                    + "launching JVM: the load threads, Understudy's monitor threads, the test kit's TCP proxies "
                    + "(all traffic passes them), the rest of that JVM (HikariCP, GC, JIT), and each server "
                    + "(`/proc/<pid>/stat`, 10 ms ticks). Wall is elapsed time × threads / operations.");
        }
        report.data("point", rows).data("pointTargets", verdicts).data("pointCpu", accounts);
    }

    private MarkdownTable table(String operation, Map<String, Measured> byKey, List<Object> rows) {
        MarkdownTable table = new MarkdownTable("variant", "useLocalSessionState", "µs/op", "± (99.9%)",
                "forks' means", "× hikari", "× spring-lazy", "B/op", "statements/op", "statements (per server)");
        for (Map.Entry<String, Measured> entry : byKey.entrySet()) {
            String[] parts = entry.getKey().split(" lss=");
            boolean lss = Boolean.parseBoolean(parts[1]);
            Measured m = entry.getValue();
            double toHikari = ratio(byKey, entry.getKey(), key("hikari", lss));
            double toSpring = ratio(byKey, entry.getKey(), key("spring-lazy", lss));
            StatementCount.PerOperation counts = statements.getOrDefault(entry.getKey(), Map.of()).get(operation);
            table.row(parts[0], lss, m.time().getScore(), m.time().getScoreError(), spread(m.forks()), toHikari,
                    toSpring, m.bytes(), counts == null ? null : counts.total(),
                    counts == null ? null : StatementCount.describe(counts));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", operation);
            row.put("variant", parts[0]);
            row.put("useLocalSessionState", lss);
            row.put("microsPerOp", m.time().getScore());
            row.put("error", m.time().getScoreError());
            row.put("forks", m.forks());
            row.put("ratioToHikari", toHikari);
            row.put("ratioToSpring", toSpring);
            row.put("bytesPerOp", m.bytes());
            row.put("statementsPerOp", counts == null ? null : counts.total());
            row.put("statementCounters", counts == null ? null : counts.counters());
            rows.add(row);
        }
        return table;
    }

    private void targets(String operation, boolean lss, Map<String, Measured> byKey, MarkdownTable table,
                         List<Object> verdicts) {
        Measured understudy = byKey.get(key("understudy", lss));
        Measured hikari = byKey.get(key("hikari", lss));
        Measured spring = byKey.get(key("spring-lazy", lss));
        if (understudy == null) {
            return;
        }
        if (hikari != null) {
            double ratio = understudy.time().getScore() / hikari.time().getScore();
            verdict(table, verdicts, "≤ " + TIME_TARGET + "× hikari", operation, lss, fmt(ratio) + "×",
                    ratio <= TIME_TARGET, (ratio / TIME_TARGET - 1) * 100);
        }
        if (spring != null) {
            double gap = understudy.time().getScore() - spring.time().getScore();
            double noise = understudy.time().getScoreError() + spring.time().getScoreError();
            verdict(table, verdicts, "within noise of spring-lazy", operation, lss, String.format(Locale.ROOT,
                    "%+.2f µs (errors add up to ± %.2f)", gap, noise), gap <= noise, Double.NaN);
            if (understudy.bytes() != null && spring.bytes() != null) {
                double ratio = understudy.bytes() / spring.bytes();
                verdict(table, verdicts, "B/op ≤ spring-lazy + 10%", operation, lss, String.format(Locale.ROOT,
                        "%.0f vs %.0f B (%s×)", understudy.bytes(), spring.bytes(), fmt(ratio)),
                        ratio <= ALLOCATION_TARGET, (ratio / ALLOCATION_TARGET - 1) * 100);
            }
        }
    }

    private static void verdict(MarkdownTable table, List<Object> verdicts, String target, String operation,
                                boolean lss, String value, boolean met, double missedPercent) {
        String verdict = met ? "met" : Double.isNaN(missedPercent) ? "missed"
                : String.format(Locale.ROOT, "missed by %.1f%%", missedPercent);
        table.row(target, operation, lss, value, verdict);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target);
        entry.put("operation", operation);
        entry.put("useLocalSessionState", lss);
        entry.put("measured", value);
        entry.put("verdict", verdict);
        verdicts.add(entry);
    }

    private MarkdownTable accountTable() {
        MarkdownTable table = new MarkdownTable("variant", "useLocalSessionState", "operation", "wall", "load threads",
                "monitor", "TCP proxies", "rest of JVM", "servers", "CPU in all");
        accounts.forEach((key, byOperation) -> byOperation.forEach((operation, a) -> {
            String[] parts = key.split(" lss=");
            double servers = a.servers().values().stream().mapToDouble(Double::doubleValue).sum();
            StringBuilder perServer = new StringBuilder(fmt(servers)).append(" (");
            a.servers().forEach((node, cpu) -> perServer.append(perServer.charAt(perServer.length() - 1) == '('
                    ? "" : ", ").append(node).append(' ').append(fmt(cpu)));
            table.row(parts[0], parts[1], operation, a.wall(), a.load(), a.monitor(), a.proxy(), a.rest(),
                    perServer.append(')').toString(), a.load() + a.monitor() + a.proxy() + a.rest() + servers);
        }));
        return table;
    }

    private static double ratio(Map<String, Measured> byKey, String key, String baseline) {
        Measured base = byKey.get(baseline);
        return base == null ? Double.NaN : byKey.get(key).time().getScore() / base.time().getScore();
    }

    private static String spread(double[] forks) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double fork : forks) {
            min = Math.min(min, fork);
            max = Math.max(max, fork);
        }
        return forks.length == 0 ? "" : String.format(Locale.ROOT, "%.2f–%.2f (%d)", min, max, forks.length);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
