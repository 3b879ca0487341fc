package io.github.understudy.event;

import static java.util.Objects.requireNonNull;

import io.github.understudy.HostAndPort;

import java.time.Instant;

/**
 * A failure was seen on a serving node (a failed probe, or a broken connection on the request path). The node
 * leaves the read rotation until its next good probe; more failed probes evict it ({@link NodeDown}).
 *
 * @param dataSourceName the DataSource that saw it
 * @param at when it happened
 * @param node the suspect node
 * @param reason the failure, e.g. {@code "refused"}
 */
public record NodeSuspect(String dataSourceName, Instant at, HostAndPort node, String reason)
        implements UnderstudyEvent {

    /** Creates the event; no argument may be null. */
    public NodeSuspect {
        requireNonNull(dataSourceName, "dataSourceName must not be null");
        requireNonNull(at, "at must not be null");
        requireNonNull(node, "node must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
