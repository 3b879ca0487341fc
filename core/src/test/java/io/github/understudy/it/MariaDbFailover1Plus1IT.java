package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 1)
class MariaDbFailover1Plus1IT extends FailoverContract {

    MariaDbFailover1Plus1IT(ReplicationCluster cluster) {
        super(cluster);
    }
}
