package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 3)
class MariaDbRepairIT extends RepairContract {

    MariaDbRepairIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
