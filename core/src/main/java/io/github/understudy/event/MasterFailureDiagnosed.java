package io.github.understudy.event;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Check;

import java.time.Instant;

/**
 * The master could not be used and Understudy named why: only {@link io.github.understudy.Diagnosis#DEAD_MASTER} starts a failover.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param master         the master
 * @param diagnosis      the conclusion
 * @param detail         what the replicas reported, e.g. {@code "127.0.0.1:3307 IO thread Connecting"}
 */
public record MasterFailureDiagnosed(String dataSourceName, Instant at, HostAndPort master, Diagnosis diagnosis, String detail) implements UnderstudyEvent {

    /** Checks the components. */
    public MasterFailureDiagnosed {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("master", master);
        Check.notNull("diagnosis", diagnosis);
        Check.notNull("detail", detail);
    }
}
