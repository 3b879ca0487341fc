package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 2)
class MariaDbDriverIT extends DriverContract {

    MariaDbDriverIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
