package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MySQL 8.0.31, the REPLICA/SOURCE words, replicating by binary log coordinates. */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2, gtid = false)
class MySql8031PositionFailoverIT extends PositionFailoverContract {

    MySql8031PositionFailoverIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
