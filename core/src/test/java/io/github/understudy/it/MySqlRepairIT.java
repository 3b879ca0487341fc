package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 3)
class MySqlRepairIT extends RepairContract {

    MySqlRepairIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
