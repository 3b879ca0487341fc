package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live load figures of one node, lock-free: requests in flight and an exponentially weighted moving average of
 * latency. It is the {@link ReplicaCandidate} handed to the {@link io.github.understudy.ReplicaSelector}.
 *
 * <p>The average weighs each new sample by {@code alpha}: {@code avg += alpha * (sample - avg)}; the first
 * sample is taken as it is, so a new node does not start from an invented figure.
 */
final class NodeStats implements ReplicaCandidate {

    /** The default weight of a new latency sample: the average mostly reflects the last ten or so samples. */
    public static final double DEFAULT_ALPHA = 0.2;

    private static final long UNMEASURED = Double.doubleToRawLongBits(Double.NaN);

    private final HostAndPort address;
    private final double alpha;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong averageBits = new AtomicLong(UNMEASURED);

    /**
     * Creates the figures of one node with the {@link #DEFAULT_ALPHA}.
     *
     * @param address the node
     */
    public NodeStats(HostAndPort address) {
        this(address, DEFAULT_ALPHA);
    }

    /**
     * Creates the figures of one node.
     *
     * @param address the node
     * @param alpha the weight of each new latency sample, in {@code (0, 1]}; 1 keeps only the last sample
     */
    public NodeStats(HostAndPort address, double alpha) {
        this.address = Check.notNull("address", address);
        if (!(alpha > 0 && alpha <= 1)) {
            throw Check.invalid("alpha", "in (0, 1]", alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public HostAndPort address() {
        return address;
    }

    /** Counts a request that starts on this node; pair each call with one {@link #exit()}, in a finally block. */
    public void enter() {
        inFlight.incrementAndGet();
    }

    /**
     * Counts a request that ended on this node.
     *
     * @throws IllegalStateException when there is no matching {@link #enter()}; the count stays at zero
     */
    public void exit() {
        if (inFlight.getAndDecrement() <= 0) {
            inFlight.incrementAndGet();
            throw new IllegalStateException("exit() without enter() on " + address);
        }
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Adds one latency sample to the moving average.
     *
     * @param nanos the measured latency in nanoseconds, {@code >= 0}
     */
    public void record(long nanos) {
        if (nanos < 0) {
            throw Check.invalid("nanos", ">= 0", nanos);
        }
        long seen;
        long next;
        do {
            seen = averageBits.get();
            double average = Double.longBitsToDouble(seen);
            next = Double.doubleToRawLongBits(Double.isNaN(average) ? nanos : average + alpha * (nanos - average));
        } while (!averageBits.compareAndSet(seen, next));
    }

    /** {@return the moving average latency in nanoseconds, at least 1 once measured, 0 before the first sample} */
    @Override
    public long latencyNanos() {
        double average = Double.longBitsToDouble(averageBits.get());
        return Double.isNaN(average) ? 0 : Math.max(1, Math.round(average));
    }

    @Override
    public String toString() {
        return address + " (inFlight=" + inFlight() + ", latency=" + latencyNanos() + "ns)";
    }
}
