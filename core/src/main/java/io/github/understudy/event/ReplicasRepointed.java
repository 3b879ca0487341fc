package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.RepointResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The other replicas were pointed at the new master, and checked.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param newMaster      the new master
 * @param results        per replica: what became of it
 * @param took           how long repointing and the checks took
 */
public record ReplicasRepointed(String dataSourceName, Instant at, HostAndPort newMaster, Map<HostAndPort, RepointResult> results, Duration took) implements UnderstudyEvent {
}
