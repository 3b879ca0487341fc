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
 * @param wholeSecondLag whether lags are {@code Seconds_Behind_Master}: whole seconds (from whole-second event
 *                       timestamps), so a replica reporting 5 s is about 4 to 6 s behind; reporting {@code maxLag}
 *                       counts as reaching it, erring towards fresher reads (it would otherwise leave up to a
 *                       second late)
 */
record HealthPolicy(int failuresToEvict, int successesToReadmit, Duration maxLag, boolean wholeSecondLag) {

    /** Checks the settings with the configuration's wording. */
    public HealthPolicy {
        Check.atLeast("failuresToEvict", failuresToEvict, 1);
        Check.atLeast("successesToReadmit", successesToReadmit, 1);
        Check.notNegative("maxReplicaLag", maxLag);
    }

    /** A policy for lags measured finely (a heartbeat). */
    public HealthPolicy(int failuresToEvict, int successesToReadmit, Duration maxLag) {
        this(failuresToEvict, successesToReadmit, maxLag, false);
    }

    /**
     * Takes the policy from a configuration.
     *
     * @param config the DataSource's configuration
     * @return the policy
     */
    public static HealthPolicy of(UnderstudyConfig config) {
        return new HealthPolicy(config.failuresToEvict(), config.successesToReadmit(), config.maxReplicaLag(),
                config.lagSource() == io.github.understudy.LagSource.SECONDS_BEHIND_MASTER);
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
        int compared = probe.lag().compareTo(maxLag);
        if (compared > 0 || compared == 0 && wholeSecondLag) {
            return "lag " + Durations.brief(probe.lag()) + (compared > 0 ? " > " : " >= ") + "max-lag "
                    + Durations.brief(maxLag);
        }
        return "";
    }
}
