package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * A fenced old master now replicates from the current master.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param node           the old master
 * @param master         the master it replicates from
 */
public record NodeRejoined(String dataSourceName, Instant at, HostAndPort node, HostAndPort master) implements UnderstudyEvent {

    /** Checks the components. */
    public NodeRejoined {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("node", node);
        Check.notNull("master", master);
    }
}
