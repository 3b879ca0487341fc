package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MySQL 8.0.31: the REPLICA/SOURCE words. */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 3)
class MySql8031RepairIT extends RepairContract {

    MySql8031RepairIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
