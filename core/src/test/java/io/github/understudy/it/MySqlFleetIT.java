package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 2)
class MySqlFleetIT extends FleetContract {

    MySqlFleetIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
