package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 1)
class MySqlFailover1Plus1IT extends FailoverContract {

    MySqlFailover1Plus1IT(ReplicationCluster cluster) {
        super(cluster);
    }
}
