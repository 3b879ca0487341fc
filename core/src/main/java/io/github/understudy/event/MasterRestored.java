package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * The master the epoch record names came back read-only (a restart with its configuration file) and was made
 * writable again: it holds every transaction of its term that another node holds. Writes go to it from now on.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param node           the master
 * @param epoch          its term (0: no promotion yet; it was the node every replica replicates from)
 * @param reason         why it is the master
 */
public record MasterRestored(String dataSourceName, Instant at, HostAndPort node, long epoch, String reason)
        implements UnderstudyEvent {

    /** Checks the components. */
    public MasterRestored {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("node", node);
        Check.notNull("reason", reason);
    }
}
