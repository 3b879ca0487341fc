package io.github.understudy.benchmarks.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * Counts live threads by name prefix without taking their stacks (cheap enough to sample often).
     *
     * @param prefixes name prefixes, none a prefix of another
     * @return per prefix, how many live threads have it
     */
    public static Map<String, Integer> countByPrefix(List<String> prefixes) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        Map<String, Integer> counts = new HashMap<>();
        prefixes.forEach(prefix -> counts.put(prefix, 0));
        for (int i = 0; i < count; i++) {
            String name = threads[i].getName();
            prefixes.stream().filter(name::startsWith).findFirst().ifPresent(p -> counts.merge(p, 1, Integer::sum));
        }
        return counts;
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
