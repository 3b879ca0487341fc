package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import io.github.understudy.RejectedCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A replica was made the master, and writes go to it from now on (published just before they are routed there;
 * with semi-sync, once the other replicas were repointed to it).
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param failedMaster   the dead master
 * @param newMaster      the promoted replica
 * @param epoch          the new epoch (the master's term; writes go to the node of the highest)
 * @param rejected       every candidate not chosen, with the reason
 * @param detection      from the first failed probe of the master to the diagnosis
 * @param promotion      from the diagnosis to the promoted node being writable
 */
public record MasterPromoted(String dataSourceName, Instant at, HostAndPort failedMaster, HostAndPort newMaster, long epoch,
                             List<RejectedCandidate> rejected, Duration detection, Duration promotion) implements UnderstudyEvent {
}
