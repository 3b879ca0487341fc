package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;
import java.util.List;

/**
 * A failover began: this instance holds the failover lock and runs the promotion strategy.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param failedMaster   the dead master
 * @param candidates     the replicas that answered
 * @param strategy       the promotion strategy
 */
public record FailoverStarted(String dataSourceName, Instant at, HostAndPort failedMaster, List<HostAndPort> candidates, String strategy) implements UnderstudyEvent {

    /** Checks the components and copies the collections. */
    public FailoverStarted {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("failedMaster", failedMaster);
        candidates = List.copyOf(Check.notNull("candidates", candidates));
        Check.notNull("strategy", strategy);
    }
}
