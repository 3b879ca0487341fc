package io.github.understudy.benchmarks.failover;

import io.github.understudy.benchmarks.support.EventLog;
import io.github.understudy.benchmarks.support.Request;
import io.github.understudy.benchmarks.support.RoutingTrace;

import java.time.Duration;
import java.util.List;

/**
 * What one repetition recorded: when the fault began (and, for lag, when it was removed), which node it hit,
 * every request, every event, and the routing trace. Times are {@link System#nanoTime()}.
 *
 * @param fault     the fault
 * @param addresses the nodes' addresses, in the cluster's order (node indexes refer to it)
 * @param maxLag    the DataSource's {@code maxReplicaLag}
 * @param victim    the index of the node the fault hit
 * @param faultAt   when the fault was injected
 * @param healedAt  when the lag was removed, 0 for other faults
 * @param end       when the load stopped
 * @param stuck     requests still running when the harness stopped waiting for them
 * @param requests  every request
 * @param events    every event, with arrival times
 * @param trace     every routing decision
 */
record Observation(Fault fault, List<String> addresses, Duration maxLag, int victim, long faultAt, long healedAt,
                   long end, int stuck, List<Request> requests, List<EventLog.Timed> events, RoutingTrace trace) {

    static Builder builder(Fault fault, List<String> addresses, Duration maxLag) {
        return new Builder(fault, addresses, maxLag);
    }

    /** Filled as the repetition runs. */
    static final class Builder {
        private final Fault fault;
        private final List<String> addresses;
        private final Duration maxLag;
        private int victim;
        private volatile long faultAt;
        private volatile long healedAt;
        private long end;
        private int stuck;
        private List<Request> requests = List.of();
        private List<EventLog.Timed> events = List.of();
        private RoutingTrace trace;

        private Builder(Fault fault, List<String> addresses, Duration maxLag) {
            this.fault = fault;
            this.addresses = addresses;
            this.maxLag = maxLag;
        }

        Duration maxLag() {
            return maxLag;
        }

        Builder victim(int index) {
            victim = index;
            return this;
        }

        Builder faultAt(long nanos) {
            faultAt = nanos;
            return this;
        }

        Builder healedAt(long nanos) {
            healedAt = nanos;
            return this;
        }

        Builder end(long nanos) {
            end = nanos;
            return this;
        }

        Builder stuckAtEnd(int count) {
            stuck = count;
            return this;
        }

        Builder requests(List<Request> all) {
            requests = all;
            return this;
        }

        Builder events(List<EventLog.Timed> all) {
            events = all;
            return this;
        }

        Builder trace(RoutingTrace routing) {
            trace = routing;
            return this;
        }

        Observation build() {
            return new Observation(fault, addresses, maxLag, victim, faultAt, healedAt, end, stuck, requests, events,
                    trace);
        }
    }
}
