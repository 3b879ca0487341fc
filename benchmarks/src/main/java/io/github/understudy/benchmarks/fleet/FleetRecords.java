package io.github.understudy.benchmarks.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a child JVM tells the launching one, one tab-separated line per record. Times are {@link System#nanoTime()}
 * values: every JVM on the machine reads the same monotonic clock (checked when a child starts, {@link
 * ChildProcess}), so they compare across JVMs.
 */
final class FleetRecords {

    private FleetRecords() {
    }

    /**
     * Where one instance sent writes from some moment on.
     *
     * @param nanos  when the watcher saw it
     * @param target the node's {@code host:port}, "" when writes had nowhere to go
     */
    record Change(long nanos, String target) {
    }

    /**
     * One application instance: its writes and where its {@code writeTarget()} pointed over time.
     *
     * @param name         the DataSource's name
     * @param writesOk     writes acknowledged
     * @param writesFailed writes that threw
     * @param peakThreads  the most threads named for the DataSource seen at once
     * @param history      every change of its write target, in order
     */
    record Instance(String name, long writesOk, long writesFailed, int peakThreads, List<Change> history) {

        static final String TAG = "I";

        String line() {
            StringBuilder changes = new StringBuilder();
            for (Change change : history) {
                changes.append(changes.isEmpty() ? "" : ",").append(change.nanos()).append('@')
                        .append(change.target());
            }
            return String.join("\t", TAG, name, Long.toString(writesOk), Long.toString(writesFailed),
                    Integer.toString(peakThreads), changes.toString());
        }

        static Instance parse(String line) {
            String[] f = fields(line, 6);
            List<Change> history = new ArrayList<>();
            for (String change : f[5].isEmpty() ? new String[0] : f[5].split(",")) {
                int at = change.indexOf('@');
                history.add(new Change(Long.parseLong(change.substring(0, at)), change.substring(at + 1)));
            }
            return new Instance(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4]),
                    List.copyOf(history));
        }

        /**
         * @param target a node
         * @param after  a moment
         * @return when writes first went to {@code target} at or after {@code after}, null when they never did
         */
        Long firstTo(String target, long after) {
            return history.stream().filter(c -> c.nanos() >= after && c.target().equals(target)).map(Change::nanos)
                    .findFirst().orElse(null);
        }

        /** @return where writes went at the end, "" when nowhere */
        String last() {
            return history.isEmpty() ? "" : history.get(history.size() - 1).target();
        }
    }

    /**
     * An Understudy event an instance published.
     *
     * @param nanos    when its listener got it
     * @param instance the DataSource's name
     * @param type     the event's simple class name
     * @param detail   its node or reason, "" when none is recorded
     */
    record Event(long nanos, String instance, String type, String detail) {

        static final String TAG = "E";

        String line() {
            return String.join("\t", TAG, Long.toString(nanos), instance, type, clean(detail));
        }

        static Event parse(String line) {
            String[] f = fields(line, 5);
            return new Event(Long.parseLong(f[1]), f[2], f[3], f[4]);
        }
    }

    /**
     * A planned switchover one instance ran.
     *
     * @param started when it was called
     * @param ended   when it returned, 0 while it runs
     * @param error   what it threw, "" when it succeeded
     */
    record Switchover(long started, long ended, String error) {

        static final String TAG = "S";

        String line() {
            return String.join("\t", TAG, Long.toString(started), Long.toString(ended), clean(error));
        }

        static Switchover parse(String line) {
            String[] f = fields(line, 4);
            return new Switchover(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
        }
    }

    /**
     * Failed requests of one kind.
     *
     * @param kind    request type, SQLState and exception type
     * @param summary count and first message
     */
    record Error(String kind, String summary) {

        static final String TAG = "X";

        String line() {
            return String.join("\t", TAG, clean(kind), clean(summary));
        }

        static Error parse(String line) {
            String[] f = fields(line, 3);
            return new Error(f[1], f[2]);
        }
    }

    /** Tabs and line breaks would split a record. */
    static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String[] fields(String line, int count) {
        String[] f = line.split("\t", -1);
        if (f.length != count) {
            throw new IllegalArgumentException("a record must have " + count + " fields, but was: " + line);
        }
        return Arrays.copyOf(f, count);
    }
}
