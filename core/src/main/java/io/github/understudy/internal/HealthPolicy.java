package io.github.understudy.internal;

import io.github.understudy.Role;
import io.github.understudy.UnderstudyConfig;
import java.time.Duration;

/**
 * The settings {@link NodeHealth} judges by.
 *
 * @param failuresToEvict consecutive failed probes that evict a node, {@code >= 1}
 * @param successesToReadmit consecutive good probes that re-admit a down or lagging node, {@code >= 1}
 * @param maxLag the most a replica may be behind and still serve reads, {@code >= 0}
 */
public record HealthPolicy(int failuresToEvict, int successesToReadmit, Duration maxLag) {

    /** Checks the settings with the configuration's wording. */
    public HealthPolicy {
        Check.atLeast("failuresToEvict", failuresToEvict, 1);
        Check.atLeast("successesToReadmit", successesToReadmit, 1);
        Check.notNegative("maxReplicaLag", maxLag);
    }

    /**
     * Takes the policy from a configuration.
     *
     * @param config the DataSource's configuration
     * @return the policy
     */
    public static HealthPolicy of(UnderstudyConfig config) {
        return new HealthPolicy(config.failuresToEvict(), config.successesToReadmit(), config.maxReplicaLag());
    }

    /**
     * Judges a probe of a node that answered.
     *
     * @param probe a probe of a reachable node
     * @return why the node must not serve reads, e.g. {@code "lag 31s > max-lag 5s"}; {@code ""} when it may
     */
    String problemOf(ProbeResult probe) {
        if (probe.role() == Role.MASTER) {
            return "";
        }
        if (!probe.replicationProblem().isEmpty()) {
            return probe.replicationProblem();
        }
        if (probe.lag() == null) {
            return "lag unknown";
        }
        if (probe.lag().compareTo(maxLag) > 0) {
            return "lag " + Durations.brief(probe.lag()) + " > max-lag " + Durations.brief(maxLag);
        }
        return "";
    }
}
