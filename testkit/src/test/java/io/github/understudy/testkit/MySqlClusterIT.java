package io.github.understudy.testkit;

import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 2)
class MySqlClusterIT extends ReplicationClusterContract {

    MySqlClusterIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
