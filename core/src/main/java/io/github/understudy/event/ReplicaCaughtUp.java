package io.github.understudy.event;

import static java.util.Objects.requireNonNull;

import io.github.understudy.HostAndPort;

import java.time.Instant;

/**
 * A lagging replica is back in the read rotation: it replicated within {@code maxReplicaLag} for
 * {@code successesToReadmit} consecutive probes.
 *
 * @param dataSourceName the DataSource that saw it
 * @param at when it happened
 * @param node the replica
 */
public record ReplicaCaughtUp(String dataSourceName, Instant at, HostAndPort node) implements UnderstudyEvent {

    /** Creates the event; no argument may be null. */
    public ReplicaCaughtUp {
        requireNonNull(dataSourceName, "dataSourceName must not be null");
        requireNonNull(at, "at must not be null");
        requireNonNull(node, "node must not be null");
    }
}
