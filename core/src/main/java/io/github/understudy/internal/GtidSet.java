package io.github.understudy.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MySQL GTID set ({@code uuid:1-5:7,uuid2:1-3}, and the tagged form of MySQL 8.3+, {@code uuid:tag:1-3}), with
 * the set arithmetic failover needs. Done here, not with the server's {@code GTID_SUBSET}/{@code GTID_SUBTRACT}:
 * the decisions that use it are pure functions, and no round trip is spent on arithmetic. Immutable.
 */
final class GtidSet {

    static final GtidSet EMPTY = new GtidSet(Map.of());

    /** Per source ({@code uuid} or {@code uuid:tag}, lower case): sorted, disjoint, non-adjacent closed intervals. */
    private final Map<String, List<long[]>> sources;

    private GtidSet(Map<String, List<long[]>> sources) {
        this.sources = sources;
    }

    /**
     * Reads a set as the server prints it (entries may be separated by {@code ",\n"}).
     *
     * @throws IllegalArgumentException when it is not a GTID set
     */
    static GtidSet parse(String text) {
        String clean = text == null ? "" : text.replace("\n", "").replace(" ", "").trim();
        if (clean.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<long[]>> sources = new TreeMap<>();
        for (String entry : clean.split(",")) {
            String[] parts = entry.split(":");
            String uuid = parts[0].toLowerCase(Locale.ROOT);
            String source = uuid;
            boolean intervals = false;
            for (int i = 1; i < parts.length; i++) {
                intervals = !parts[i].isEmpty() && Character.isDigit(parts[i].charAt(0));
                if (intervals) {
                    sources.computeIfAbsent(source, s -> new ArrayList<>()).add(interval(parts[i], text));
                } else {
                    source = uuid + ":" + parts[i].toLowerCase(Locale.ROOT);
                }
            }
            if (!intervals) {
                throw new IllegalArgumentException("a GTID set must be uuid:from-to,..., but was '" + text + "'");
            }
        }
        Map<String, List<long[]>> normal = new TreeMap<>();
        sources.forEach((source, intervals) -> normal.put(source, normalise(intervals)));
        return new GtidSet(Collections.unmodifiableMap(normal));
    }

    private static long[] interval(String part, String text) {
        try {
            String[] range = part.split("-");
            long from = Long.parseLong(range[0]);
            long to = range.length == 2 ? Long.parseLong(range[1]) : from;
            if (range.length > 2 || from < 1 || to < from) {
                throw new NumberFormatException(part);
            }
            return new long[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a GTID set must be uuid:from-to,..., but was '" + text + "'", e);
        }
    }

    private static List<long[]> normalise(List<long[]> intervals) {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] next : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && next[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], next[1]);
            } else {
                merged.add(new long[] {next[0], next[1]});
            }
        }
        return List.copyOf(merged);
    }

    boolean isEmpty() {
        return sources.isEmpty();
    }

    /** {@return whether every transaction of {@code other} is in this set} */
    boolean containsAll(GtidSet other) {
        return other.subtract(this).isEmpty();
    }

    /** {@return the transactions of this set that {@code other} lacks} */
    GtidSet subtract(GtidSet other) {
        Map<String, List<long[]>> rest = new TreeMap<>();
        sources.forEach((source, intervals) -> {
            List<long[]> left = intervals;
            for (long[] cut : other.sources.getOrDefault(source, List.of())) {
                left = cut(left, cut);
            }
            if (!left.isEmpty()) {
                rest.put(source, List.copyOf(left));
            }
        });
        return new GtidSet(Collections.unmodifiableMap(rest));
    }

    private static List<long[]> cut(List<long[]> intervals, long[] cut) {
        List<long[]> left = new ArrayList<>();
        for (long[] interval : intervals) {
            if (cut[1] < interval[0] || cut[0] > interval[1]) {
                left.add(interval);
                continue;
            }
            if (interval[0] < cut[0]) {
                left.add(new long[] {interval[0], cut[0] - 1});
            }
            if (interval[1] > cut[1]) {
                left.add(new long[] {cut[1] + 1, interval[1]});
            }
        }
        return left;
    }

    /** {@return the transactions of either set} */
    GtidSet union(GtidSet other) {
        Map<String, List<long[]>> all = new TreeMap<>();
        sources.forEach((source, intervals) -> all.put(source, new ArrayList<>(intervals)));
        other.sources.forEach((source, intervals) -> all.computeIfAbsent(source, s -> new ArrayList<>())
                .addAll(intervals));
        Map<String, List<long[]>> normal = new TreeMap<>();
        all.forEach((source, intervals) -> normal.put(source, normalise(intervals)));
        return new GtidSet(Collections.unmodifiableMap(normal));
    }

    /** {@return the transactions of this set not written by server {@code uuid} (under any tag)} */
    GtidSet withoutServer(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            return this;
        }
        String key = uuid.toLowerCase(Locale.ROOT);
        Map<String, List<long[]>> rest = new TreeMap<>(sources);
        rest.keySet().removeIf(source -> source.equals(key) || source.startsWith(key + ":"));
        return new GtidSet(Collections.unmodifiableMap(rest));
    }

    /** {@return how many transactions the set holds} */
    long count() {
        long count = 0;
        for (List<long[]> intervals : sources.values()) {
            for (long[] interval : intervals) {
                count += interval[1] - interval[0] + 1;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GtidSet set && toString().equals(set.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The canonical text: sources in order, intervals merged; a tagged source as {@code uuid:tag:1-3}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        sources.forEach((source, intervals) -> {
            text.append(text.length() == 0 ? "" : ",").append(source);
            for (long[] interval : intervals) {
                text.append(':').append(interval[0]);
                if (interval[1] != interval[0]) {
                    text.append('-').append(interval[1]);
                }
            }
        });
        return text.toString();
    }
}
