package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 2)
class MariaDbFleetIT extends FleetContract {

    MariaDbFleetIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
