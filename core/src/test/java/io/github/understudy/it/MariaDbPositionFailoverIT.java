package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MariaDB 11.4 with MASTER_USE_GTID=no, replicating by binary log coordinates. */
@WithReplicationCluster(engine = "mariadb", replicas = 2, gtid = false)
class MariaDbPositionFailoverIT extends PositionFailoverContract {

    MariaDbPositionFailoverIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
