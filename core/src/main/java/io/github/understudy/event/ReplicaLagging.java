package io.github.understudy.event;

import static java.util.Objects.requireNonNull;

import io.github.understudy.HostAndPort;

import java.time.Duration;
import java.time.Instant;

/**
 * A reachable replica left the read rotation because it is too far behind, its lag is unknown, or its
 * replication is stopped or failing.
 *
 * @param dataSourceName the DataSource that saw it
 * @param at when it happened
 * @param node the replica
 * @param lag how far behind it is; null when unknown (typically because replication is stopped)
 * @param maxLag the configured {@code maxReplicaLag}
 * @param reason why, e.g. {@code "lag 31s > max-lag 5s"} or the replication error
 */
public record ReplicaLagging(String dataSourceName, Instant at, HostAndPort node, Duration lag, Duration maxLag,
        String reason) implements UnderstudyEvent {

    /** Creates the event; no argument but {@code lag} may be null. */
    public ReplicaLagging {
        requireNonNull(dataSourceName, "dataSourceName must not be null");
        requireNonNull(at, "at must not be null");
        requireNonNull(node, "node must not be null");
        requireNonNull(maxLag, "maxLag must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
