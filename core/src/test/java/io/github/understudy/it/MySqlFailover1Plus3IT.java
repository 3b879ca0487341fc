package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 3)
class MySqlFailover1Plus3IT extends FailoverContract {

    MySqlFailover1Plus3IT(ReplicationCluster cluster) {
        super(cluster);
    }
}
