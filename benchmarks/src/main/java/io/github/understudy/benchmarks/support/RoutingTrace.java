package io.github.understudy.benchmarks.support;

import io.github.understudy.HostAndPort;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyMetrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records where Understudy routed each borrow ({@link UnderstudyMetrics#routed}): the node that served the
 * calling thread's last request, and a bounded trace of every routing decision with its time, so that "when was
 * the last read routed to the killed replica" can be answered. The trace keeps the first {@code capacity}
 * decisions and counts the rest.
 */
public final class RoutingTrace implements UnderstudyMetrics {

    private final List<String> addresses;
    private final ThreadLocal<Integer> lastNode = ThreadLocal.withInitial(() -> -1);
    private final long[] nanos;
    private final byte[] nodes;
    private final boolean[] writes;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param addresses the nodes' {@code host:port}, in the cluster's order: a node is named by its index here
     * @param capacity  how many routing decisions to keep
     */
    public RoutingTrace(List<String> addresses, int capacity) {
        this.addresses = List.copyOf(addresses);
        this.nanos = new long[capacity];
        this.nodes = new byte[capacity];
        this.writes = new boolean[capacity];
    }

    @Override
    public void routed(HostAndPort node, Role role, boolean write) {
        int index = addresses.indexOf(node.toString());
        lastNode.set(index);
        int slot = next.getAndIncrement();
        if (slot < nanos.length) {
            nanos[slot] = System.nanoTime();
            nodes[slot] = (byte) index;
            writes[slot] = write;
        }
    }

    /** Forgets the calling thread's last node: call before a request. */
    public void begin() {
        lastNode.set(-1);
    }

    /** @return the index of the node that served the calling thread's request since {@link #begin()}, or -1 */
    public int lastNode() {
        return lastNode.get();
    }

    /**
     * The last time a read (or write) was routed to {@code node} within a time window. Read it when routing
     * has stopped, or accept that the newest decisions may be missing.
     *
     * @param node  the node's index
     * @param write writes rather than reads
     * @param from  the window's start ({@link System#nanoTime()})
     * @param to    the window's end
     * @return the last routing time in the window, or {@link Long#MIN_VALUE} when none
     */
    public long lastRouted(int node, boolean write, long from, long to) {
        long last = Long.MIN_VALUE;
        int size = Math.min(next.get(), nanos.length);
        for (int i = 0; i < size; i++) {
            if (nodes[i] == node && writes[i] == write && nanos[i] >= from && nanos[i] <= to) {
                last = Math.max(last, nanos[i]);
            }
        }
        return last;
    }

    /**
     * @param node  the node's index
     * @param write writes rather than reads
     * @param from  the window's start ({@link System#nanoTime()})
     * @return the first routing time at or after {@code from}, or {@link Long#MAX_VALUE} when none
     */
    public long firstRouted(int node, boolean write, long from) {
        long first = Long.MAX_VALUE;
        int size = Math.min(next.get(), nanos.length);
        for (int i = 0; i < size; i++) {
            if (nodes[i] == node && writes[i] == write && nanos[i] >= from) {
                first = Math.min(first, nanos[i]);
            }
        }
        return first;
    }

    /** @return how many routing decisions did not fit in the trace */
    public int overflow() {
        return Math.max(0, next.get() - nanos.length);
    }
}
