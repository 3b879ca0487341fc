package io.github.understudy.examples.demo;

import java.util.List;

/**
 * The write-unavailability window: the longest time between two successful writes (by completion time) among
 * those that end after the fault. With writes succeeding every millisecond or so before the fault, it is how
 * long the application could not write, as the application saw it.
 *
 * @param nanos how long
 * @param from  {@link System#nanoTime()} of the successful write before it
 * @param to    {@link System#nanoTime()} of the successful write after it (or the end of the load)
 * @param open  whether no write succeeded after it before the load stopped
 */
record Gap(long nanos, long from, long to, boolean open) {

    static Gap longest(List<Outcome> writes, long faultAt) {
        long[] ends = writes.stream().filter(Outcome::ok).mapToLong(Outcome::end).sorted().toArray();
        long loadEnd = writes.stream().mapToLong(Outcome::end).max().orElse(faultAt);
        Gap longest = new Gap(0, faultAt, faultAt, false);
        for (int i = 1; i < ends.length; i++) {
            if (ends[i] - faultAt > 0 && ends[i] - ends[i - 1] > longest.nanos()) {
                longest = new Gap(ends[i] - ends[i - 1], ends[i - 1], ends[i], false);
            }
        }
        long last = ends.length == 0 ? faultAt : ends[ends.length - 1];
        if (loadEnd - last > longest.nanos()) {
            longest = new Gap(loadEnd - last, last, loadEnd, true);
        }
        return longest;
    }

    /** @return e.g. {@code 1.21 s (longest gap between two successful writes, -0.01 s to +1.20 s)} */
    String describe(long faultAt) {
        return String.format("%.2f s (longest gap between two successful writes, %+.2f s to %+.2f s%s)",
                nanos / 1e9, (from - faultAt) / 1e9, (to - faultAt) / 1e9,
                open ? "; no write succeeded after it" : "");
    }
}
