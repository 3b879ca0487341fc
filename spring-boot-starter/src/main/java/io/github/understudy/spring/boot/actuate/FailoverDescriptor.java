package io.github.understudy.spring.boot.actuate;

import io.github.understudy.RejectedCandidate;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change of master (a failover, or a switchover) as the health indicator and the endpoint show it, with the
 * time each phase took: plain strings and numbers, like {@link NodeDescriptor}.
 *
 * @param at when the new master was promoted, ISO-8601
 * @param kind {@code failover} (a failed master replaced) or {@code switchover} (planned)
 * @param epoch the new master's term
 * @param failedMaster the old master, {@code host:port}
 * @param newMaster the promoted replica, {@code host:port}
 * @param detectionMillis from the old master's first failed probe to the diagnosis (0 for a switchover)
 * @param promotionMillis from the diagnosis to the new master being writable
 * @param repointingMillis how long repointing the other replicas took; null until they were repointed
 * @param rejected every candidate not chosen, with the reason
 * @param repointed per replica, {@code "replicating"} or what went wrong; empty until they were repointed
 */
public record FailoverDescriptor(String at, String kind, long epoch, String failedMaster, String newMaster, long detectionMillis,
        long promotionMillis, Long repointingMillis, List<String> rejected, Map<String, String> repointed) {

    /**
     * Describes a promotion whose replicas are not repointed yet.
     *
     * @param promoted the event
     * @return its description
     */
    public static FailoverDescriptor of(MasterPromoted promoted) {
        return new FailoverDescriptor(promoted.at().toString(), promoted.planned() ? "switchover" : "failover",
                promoted.epoch(), promoted.failedMaster().toString(),
                promoted.newMaster().toString(), promoted.detection().toMillis(), promoted.promotion().toMillis(), null,
                promoted.rejected().stream().map(RejectedCandidate::toString).toList(), Map.of());
    }

    /**
     * Adds the repointing phase.
     *
     * @param repointed the event that followed this promotion
     * @return a copy with the repointing time and results
     */
    public FailoverDescriptor with(ReplicasRepointed repointed) {
        Map<String, String> results = new LinkedHashMap<>();
        repointed.results().forEach((node, result) -> results.put(node.toString(), result.toString()));
        return new FailoverDescriptor(at, kind, epoch, failedMaster, newMaster, detectionMillis, promotionMillis,
                repointed.took().toMillis(), rejected, Collections.unmodifiableMap(results));
    }

    /** {@return whether {@code repointed} reports the replicas of this promotion, which has none reported yet} */
    boolean awaits(ReplicasRepointed repointed) {
        return repointingMillis == null && newMaster.equals(repointed.newMaster().toString());
    }
}
