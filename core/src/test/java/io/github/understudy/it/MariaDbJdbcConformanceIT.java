package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mariadb", replicas = 1)
class MariaDbJdbcConformanceIT extends JdbcConformanceContract {

    MariaDbJdbcConformanceIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
