package io.github.understudy.event;

import static java.util.Objects.requireNonNull;

import io.github.understudy.HostAndPort;

import java.time.Instant;

/**
 * A node that was down or suspect is serving again: it passed {@code successesToReadmit} consecutive probes
 * (or one, after an operator re-admitted it or when it recovers from {@code SUSPECT}).
 *
 * @param dataSourceName the DataSource that saw it
 * @param at when it happened
 * @param node the node that is up
 */
public record NodeUp(String dataSourceName, Instant at, HostAndPort node) implements UnderstudyEvent {

    /** Creates the event; no argument may be null. */
    public NodeUp {
        requireNonNull(dataSourceName, "dataSourceName must not be null");
        requireNonNull(at, "at must not be null");
        requireNonNull(node, "node must not be null");
    }
}
