package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.internal.Check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A replica was made the master, and writes go to it from now on (published just before they are routed there;
 * with semi-sync, once the other replicas were repointed to it): a failover, or a planned switchover.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param failedMaster   the dead master (a switchover's: the old master, alive and now read-only)
 * @param newMaster      the promoted replica
 * @param epoch          the new epoch (the master's term; writes go to the node of the highest)
 * @param rejected       every candidate not chosen, with the reason
 * @param detection      from the first failed probe of the master to the diagnosis (zero for a switchover)
 * @param promotion      from the diagnosis (a switchover's start) to the promoted node being writable
 * @param planned        whether this was a switchover asked for by an operator, rather than a failover
 */
public record MasterPromoted(String dataSourceName, Instant at, HostAndPort failedMaster, HostAndPort newMaster, long epoch,
                             List<RejectedCandidate> rejected, Duration detection, Duration promotion, boolean planned)
        implements UnderstudyEvent {

    /** Checks the components and copies the collections. */
    public MasterPromoted {
        Check.notNull("dataSourceName", dataSourceName);
        Check.notNull("at", at);
        Check.notNull("failedMaster", failedMaster);
        Check.notNull("newMaster", newMaster);
        rejected = List.copyOf(Check.notNull("rejected", rejected));
        Check.notNull("detection", detection);
        Check.notNull("promotion", promotion);
    }
}
