package io.github.understudy.event;

import static java.util.Objects.requireNonNull;

import io.github.understudy.HostAndPort;

import java.time.Instant;

/**
 * A node was evicted: it failed {@code failuresToEvict} consecutive probes, or an operator evicted it. Nothing is
 * routed to it until it is re-admitted ({@link NodeUp}).
 *
 * @param dataSourceName the DataSource that saw it
 * @param at when it happened
 * @param node the evicted node
 * @param reason why, e.g. {@code "refused"} or {@code "timeout after 1s"}
 */
public record NodeDown(String dataSourceName, Instant at, HostAndPort node, String reason)
        implements UnderstudyEvent {

    /** Creates the event; no argument may be null. */
    public NodeDown {
        requireNonNull(dataSourceName, "dataSourceName must not be null");
        requireNonNull(at, "at must not be null");
        requireNonNull(node, "node must not be null");
        requireNonNull(reason, "reason must not be null");
    }
}
