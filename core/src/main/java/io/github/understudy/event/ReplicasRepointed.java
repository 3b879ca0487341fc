package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.RepointResult;
import io.github.understudy.internal.Check;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** Checks the components and copies the collections. */
    public ReplicasRepointed {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("newMaster", newMaster);
        results = Collections.unmodifiableMap(new LinkedHashMap<>(Check.notNull("results", results)));
        Check.notNull("took", took);
    }
}
