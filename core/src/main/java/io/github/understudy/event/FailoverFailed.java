package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * A failover started but did not end with a usable master.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param failedMaster   the dead master
 * @param reason         why, with every rejected candidate
 */
public record FailoverFailed(String dataSourceName, Instant at, HostAndPort failedMaster, String reason) implements UnderstudyEvent {

    /** Checks the components. */
    public FailoverFailed {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("failedMaster", failedMaster);
        Check.notNull("reason", reason);
    }
}
