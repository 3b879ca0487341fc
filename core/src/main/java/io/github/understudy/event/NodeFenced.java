package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * A writable node that is not the master of the highest epoch (an old master that came back) was made
 * read-only and its application sessions killed. Nothing is routed to it.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param node           the fenced node
 * @param reason         why
 */
public record NodeFenced(String dataSourceName, Instant at, HostAndPort node, String reason) implements UnderstudyEvent {

    /** Checks the components. */
    public NodeFenced {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("node", node);
        Check.notNull("reason", reason);
    }
}
