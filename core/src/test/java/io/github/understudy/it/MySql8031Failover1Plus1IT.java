package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MySQL 8.0.31: the REPLICA/SOURCE words. */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 1)
class MySql8031Failover1Plus1IT extends FailoverContract {

    MySql8031Failover1Plus1IT(ReplicationCluster cluster) {
        super(cluster);
    }
}
