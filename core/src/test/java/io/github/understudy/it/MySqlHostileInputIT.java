package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

@WithReplicationCluster(engine = "mysql", replicas = 1)
class MySqlHostileInputIT extends HostileInputContract {

    MySqlHostileInputIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
