package io.github.understudy.spring.boot.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** The same, on MySQL 8.0.31 (the REPLICA/SOURCE words). */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2)
class MySql8031ActuatorIT extends ActuatorIT {

    MySql8031ActuatorIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
