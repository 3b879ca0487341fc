package io.github.understudy.event;

import io.github.understudy.HostAndPort;
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
}
