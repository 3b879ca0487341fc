package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 2)
class MySqlDriverIT extends DriverContract {

    MySqlDriverIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
