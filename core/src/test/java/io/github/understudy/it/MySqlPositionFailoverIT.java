package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MySQL 8.0.15, replicating by binary log coordinates. */
@WithReplicationCluster(engine = "mysql", replicas = 2, gtid = false)
class MySqlPositionFailoverIT extends PositionFailoverContract {

    MySqlPositionFailoverIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
