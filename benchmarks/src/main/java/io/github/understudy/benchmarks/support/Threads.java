package io.github.understudy.benchmarks.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Counting the JVM's threads by name, to see what a DataSource or a load keeps running. */
public final class Threads {

    private static final int STACK_FRAMES = 12;

    private Threads() {
    }

    /**
     * @param prefixes name prefixes
     * @return the names of live threads whose name starts with one of them
     */
    public static List<String> named(List<String> prefixes) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> prefixes.stream().anyMatch(name::startsWith)).sorted().toList();
    }

    /**
     * @param prefixes name prefixes
     * @return each live thread with one of them, with the top of its stack: what it is stuck on
     */
    public static String stacks(List<String> prefixes) {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.isAlive() && prefixes.stream().anyMatch(thread.getName()::startsWith)) {
                out.append(thread.getName()).append(" (").append(thread.getState()).append(")\n");
                Arrays.stream(stack).limit(STACK_FRAMES).forEach(frame -> out.append("    at ").append(frame)
                        .append('\n'));
            }
        });
        return out.toString();
    }

    /**
     * Waits, bounded, until no live thread has one of the prefixes.
     *
     * @param prefixes name prefixes
     * @param timeout  how long to wait
     * @return the threads still alive after the wait (empty when none)
     */
    public static List<String> awaitGone(List<String> prefixes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left = named(prefixes);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Sleep.millis(100);
            left = named(prefixes);
        }
        return left;
    }
}
