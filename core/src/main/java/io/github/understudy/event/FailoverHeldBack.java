package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * A failover was due but not started: another instance is running it, or the anti-flapping interval has
 * not passed ({@code failover.minInterval}).
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param failedMaster   the dead master
 * @param reason         why it was held back
 */
public record FailoverHeldBack(String dataSourceName, Instant at, HostAndPort failedMaster, String reason) implements UnderstudyEvent {

    /** Checks the components. */
    public FailoverHeldBack {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("failedMaster", failedMaster);
        Check.notNull("reason", reason);
    }
}
