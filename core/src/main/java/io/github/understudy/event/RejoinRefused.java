package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * A fenced old master was not rejoined; it stays fenced. When it has transactions the master lacks
 * (errant, usually writes acknowledged by nobody before it died), they are listed: rebuild it from a replica.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param node           the old master
 * @param reason         why
 * @param errantGtids    the transactions only it has, empty when that is not the reason
 */
public record RejoinRefused(String dataSourceName, Instant at, HostAndPort node, String reason, String errantGtids) implements UnderstudyEvent {

    /** Checks the components. */
    public RejoinRefused {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("node", node);
        Check.notNull("reason", reason);
        Check.notNull("errantGtids", errantGtids);
    }
}
