package io.github.understudy.examples.demo;

import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyDataSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The progress line: per node, its role or state as Understudy sees it and the successful writes and reads per
 * second it served over the last second; then the failures so far.
 */
final class StatusLine {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadGenerator load;
    private final UnderstudyDataSource dataSource;
    private final NodeNames names;
    private final Ansi ansi;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Totals per node at one moment: {@code [writes, reads]}. */
    private record Sample(long at, Map<String, long[]> totals) {
    }

    StatusLine(LoadGenerator load, UnderstudyDataSource dataSource, NodeNames names, Ansi ansi) {
        this.load = load;
        this.dataSource = dataSource;
        this.names = names;
        this.ansi = ansi;
    }

    /**
     * @param width the most characters the line may take (a longer line would wrap on a terminal)
     * @return the line for now; call it regularly: it keeps the last second of samples
     */
    synchronized String render(int width) {
        Sample now = sample();
        samples.addLast(now);
        // Keep the newest sample that is at least a second old: rates are over the last second or so.
        while (samples.size() > 2 && now.at() - second().at() >= WINDOW_NANOS) {
            samples.removeFirst();
        }
        for (boolean compact : new boolean[] {false, true}) {
            List<String[]> parts = parts(samples.peekFirst(), now, compact);
            String plain = parts.stream().map(p -> p[0]).collect(Collectors.joining(" | "));
            if (plain.length() <= width) {
                return parts.stream().map(p -> p[1]).collect(Collectors.joining(" | "));
            }
            if (compact) {
                return plain.substring(0, Math.max(0, width - 3)) + "...";
            }
        }
        throw new AssertionError("unreachable");
    }

    /** @return per node, then the failures: each as {plain text, coloured text} */
    private List<String[]> parts(Sample then, Sample now, boolean compact) {
        double seconds = Math.max(0.001, (now.at() - then.at()) / 1e9);
        Map<String, NodeStatus> statuses = statuses();
        List<String[]> parts = new ArrayList<>();
        for (String node : names.all()) {
            long[] a = then.totals().get(node);
            long[] b = now.totals().get(node);
            String rates = " " + rate(Math.round((b[0] - a[0]) / seconds), "w", compact) + " "
                    + rate(Math.round((b[1] - a[1]) / seconds), "r", compact);
            String[] label = label(statuses.get(node), compact);
            parts.add(new String[] {node + " " + label[0] + rates, node + " " + label[1] + rates});
        }
        long failedWrites = load.failedWrites();
        long failedReads = load.failedReads();
        String failed = "failed " + failedWrites + "w " + failedReads + "r";
        parts.add(new String[] {failed, failedWrites + failedReads == 0 ? failed : ansi.red(failed)});
        return parts;
    }

    private Sample second() {
        Iterator<Sample> iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }

    /** @return the legend printed once before the first line */
    static String legend() {
        return "progress, per node: role (or state) as Understudy sees it, successful writes (w) and reads (r) per"
                + " second; then failed requests so far";
    }

    private Sample sample() {
        Map<String, long[]> totals = new HashMap<>();
        for (String node : names.all()) {
            LoadGenerator.NodeCounts counts = load.perNode().get(node);
            totals.put(node, new long[] {counts.writes.sum(), counts.reads.sum()});
        }
        return new Sample(System.nanoTime(), totals);
    }

    private Map<String, NodeStatus> statuses() {
        Map<String, NodeStatus> statuses = new HashMap<>();
        dataSource.topology().nodes().forEach(status -> statuses.put(names.of(status.address()), status));
        return statuses;
    }

    /** @return the node's role (when UP) or state: {plain, coloured} */
    private String[] label(NodeStatus status, boolean compact) {
        if (status == null) {
            return new String[] {"?", "?"};
        }
        String text;
        if (status.state() == NodeState.UP) {
            text = status.role() == Role.MASTER ? "master" : status.role() == Role.REPLICA ? "replica" : "?";
        } else {
            text = status.state().name();
        }
        text = compact ? text.substring(0, 1).toUpperCase(Locale.ROOT) : String.format("%-7s", text);
        String coloured = switch (status.state()) {
            case UP -> status.role() == Role.MASTER ? ansi.bold(text) : text;
            case DOWN -> ansi.red(text);
            default -> ansi.yellow(text);
        };
        return new String[] {text, coloured};
    }

    private static String rate(long perSecond, String unit, boolean compact) {
        return compact ? perSecond + unit : String.format("%4d%s", perSecond, unit);
    }
}
