package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 3)
class MariaDbFailover1Plus3IT extends FailoverContract {

    MariaDbFailover1Plus3IT(ReplicationCluster cluster) {
        super(cluster);
    }
}
