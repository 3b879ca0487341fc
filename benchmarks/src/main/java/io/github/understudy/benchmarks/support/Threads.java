package io.github.understudy.benchmarks.support;

import java.time.Duration;
import java.util.List;

/** Counting the JVM's threads by name, to see what a DataSource or a load keeps running. */
public final class Threads {

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
