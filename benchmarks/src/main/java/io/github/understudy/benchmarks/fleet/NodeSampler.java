package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.benchmarks.support.Sleep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the servers' connection and statement counters every {@code every}, in the background, to see what a
 * failover does to them second by second. A node is left out while it is paused (a read would wait for it) or
 * after it was killed.
 */
final class NodeSampler implements AutoCloseable {

    /**
     * One reading of one node.
     *
     * @param nanos            when ({@link System#nanoTime()})
     * @param node             the node's name
     * @param threadsConnected connections open
     * @param connections      connections ever opened ({@code Connections})
     * @param statements       statements ever run ({@link ServerCounters#statements})
     */
    record Sample(long nanos, String node, long threadsConnected, long connections, long statements) {
    }

    private final ServerCounters counters;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Object round = new Object();
    private final Thread thread;
    private volatile boolean running = true;

    NodeSampler(ServerCounters counters, Collection<String> nodes, Duration every) {
        this.counters = counters;
        active.addAll(nodes);
        thread = new Thread(() -> {
            while (running) {
                sample();
                Sleep.millis(every.toMillis());
            }
        }, "fleet-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        synchronized (round) {
            long now = System.nanoTime();
            for (Map.Entry<String, Map<String, Long>> node : counters.status(List.copyOf(active)).entrySet()) {
                Map<String, Long> c = node.getValue();
                samples.add(new Sample(now, node.getKey(), c.getOrDefault("Threads_connected", 0L),
                        c.getOrDefault("Connections", 0L), ServerCounters.statements(c)));
            }
        }
    }

    /** Leaves {@code node} out from now on (it is about to be paused or killed): waits for a reading under way. */
    void leaveOut(String node) {
        synchronized (round) {
            active.remove(node);
        }
    }

    /** Reads {@code node} again. */
    void takeIn(String node) {
        active.add(node);
    }

    /** @return every reading so far */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
