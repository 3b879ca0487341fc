package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MySQL 8.0.31: the REPLICA/SOURCE words. */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2)
class MySql8031FleetIT extends FleetContract {

    MySql8031FleetIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
