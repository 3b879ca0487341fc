package io.github.understudy.testkit;

import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 2)
class MariaDbClusterIT extends ReplicationClusterContract {

    MariaDbClusterIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
