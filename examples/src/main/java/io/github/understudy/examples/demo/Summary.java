package io.github.understudy.examples.demo;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.NodeSuspect;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.UnderstudyEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the run measured, computed once the load has stopped: the numbers a newcomer asks about (how long
 * writes were unavailable, what failed, whether acknowledged writes were lost, how long each phase took) and
 * whether Understudy did what the fault called for.
 *
 * @param title              what was run
 * @param rows               the table's rows: label, value
 * @param checks             what was expected of the fault, and whether it happened
 * @param promotedNode       the node promoted, or null when none was
 * @param writes             successful writes
 * @param failedWrites       failed writes
 * @param failedReads        failed reads
 * @param lostWrites         acknowledged writes missing on the final master
 * @param unavailabilityNanos the longest gap between two successful writes around the fault
 */
record Summary(String title, List<String[]> rows, List<Check> checks, String promotedNode, long writes,
               long failedWrites, long failedReads, long lostWrites, long unavailabilityNanos) {

    /** @return whether every expectation of the fault was met */
    boolean allExpected() {
        return checks.stream().allMatch(Check::met);
    }

    static Summary of(DemoRun run, List<Check> checks, Set<Long> finalIds) {
        List<Outcome> outcomes = run.load().outcomes();
        List<Outcome> writes = outcomes.stream().filter(Outcome::write).toList();
        List<Outcome> reads = outcomes.stream().filter(o -> !o.write()).toList();
        long okWrites = writes.stream().filter(Outcome::ok).count();
        long okReads = reads.stream().filter(Outcome::ok).count();
        List<Long> lost = writes.stream().filter(Outcome::ok).map(Outcome::id).filter(id -> !finalIds.contains(id))
                .toList();
        Gap gap = Gap.longest(writes, run.faultAt());
        Optional<MasterPromoted> promoted = run.events().of(MasterPromoted.class).stream().findFirst();
        String finalMaster = run.finalMaster().name();

        List<String[]> rows = new ArrayList<>();
        DemoOptions options = run.options();
        rows.add(row("fault", options.fault().description() + " on " + run.faultTarget() + "; strategy "
                + options.strategy()));
        rows.add(row("cluster", run.server() + ", 1 master + " + options.replicas() + " replicas, started in "
                + seconds(run.clusterStartNanos())));
        rows.add(row("requests", okWrites + " writes and " + okReads + " reads succeeded"));
        rows.add(row("write-unavailability window", gap.describe(run.faultAt())));
        rows.add(row("failed writes", failures(writes)));
        rows.add(row("failed reads", failures(reads)));
        rows.add(row("acknowledged writes lost", lost.size() + " of " + okWrites + " (ids checked on the final "
                + "master " + finalMaster + ")"));
        rows.addAll(phases(run, promoted));
        rows.add(row("final topology (Understudy)", topology(run)));
        String title = "Summary (+t: seconds after the fault)";
        return new Summary(title, rows, checks, promoted.map(p -> run.names().of(p.newMaster())).orElse(null),
                okWrites, writes.size() - okWrites, reads.size() - okReads, lost.size(), gap.nanos());
    }

    /** Phase timings: from the events' own durations, and from when events arrived (times after the fault). */
    private static List<String[]> phases(DemoRun run, Optional<MasterPromoted> promoted) {
        List<String[]> rows = new ArrayList<>();
        firstAbout(run, run.faultTarget(), NodeSuspect.class, NodeDown.class).ifPresent(s -> rows.add(row(
                "failure noticed", since(run, s.at()) + " (first failed probe or request: "
                        + s.event().getClass().getSimpleName() + ")")));
        promoted.ifPresent(p -> {
            rows.add(row("detection", EventPrinter.millis(p.detection()) + " (master unusable -> confirmed dead by "
                    + "the replicas; MasterPromoted.detection)"));
            rows.add(row("promotion", EventPrinter.millis(p.promotion()) + " (confirmed dead -> "
                    + run.names().of(p.newMaster()) + " writable, epoch " + p.epoch() + "; MasterPromoted.promotion)"));
        });
        run.events().of(ReplicasRepointed.class).stream().findFirst().ifPresent(r -> rows.add(row("repointing",
                EventPrinter.millis(r.took()) + " (" + r.results().size() + " other replica(s) replicating from "
                        + run.names().of(r.newMaster()) + "; ReplicasRepointed.took)")));
        List<String> steps = new ArrayList<>();
        first(run, NodeFenced.class).ifPresent(s -> steps.add("fenced " + since(run, s.at())));
        first(run, NodeRejoined.class).ifPresent(s -> steps.add("rejoined as a replica " + since(run, s.at())));
        first(run, RejoinRefused.class).ifPresent(s -> steps.add("kept fenced (errant transactions) "
                + since(run, s.at())));
        if (run.recoveryAt() != 0) {
            rows.add(row("fault undone from", since(run, run.recoveryAt()) + (steps.isEmpty() ? ""
                    : "; " + run.faultTarget() + " " + String.join(", ", steps))));
        }
        return rows;
    }

    private static Optional<EventPrinter.Seen> first(DemoRun run, Class<?> type) {
        return run.events().all().stream().filter(s -> s.at() - run.faultAt() >= 0 && type.isInstance(s.event()))
                .findFirst();
    }

    private static Optional<EventPrinter.Seen> firstAbout(DemoRun run, String node, Class<?>... types) {
        return run.events().all().stream().filter(s -> s.at() - run.faultAt() >= 0)
                .filter(s -> Arrays.stream(types).anyMatch(t -> t.isInstance(s.event())))
                .filter(s -> node.equals(run.names().of(nodeOf(s.event())))).findFirst();
    }

    private static HostAndPort nodeOf(UnderstudyEvent event) {
        return event instanceof NodeSuspect e ? e.node() : event instanceof NodeDown e ? e.node() : null;
    }

    private static String since(DemoRun run, long at) {
        return String.format("%+.2f s", (at - run.faultAt()) / 1e9);
    }

    private static String failures(List<Outcome> outcomes) {
        Map<String, Long> byKind = new TreeMap<>(outcomes.stream().filter(o -> !o.ok())
                .collect(Collectors.groupingBy(o -> o.sqlState() + " " + o.error(), Collectors.counting())));
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + ": " + byKind.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining(", ")) + " (SQLState, exception)";
    }

    private static String topology(DemoRun run) {
        return run.dataSource().topology().nodes().stream().map(n -> run.names().of(n.address()) + " "
                + (n.state() == NodeState.UP ? n.role().name().toLowerCase(Locale.ROOT) : n.state().name()))
                .collect(Collectors.joining(", ")) + ", epoch " + run.dataSource().topology().epoch();
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value};
    }

    static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    /**
     * @param width the most characters a line may take
     * @return the summary as a table, then the expectations, then a note on lost writes when there are some
     */
    String render(Ansi ansi, int width) {
        return SummaryTable.render(this, ansi, width);
    }
}
