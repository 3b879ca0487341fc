package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** MySQL 8.0.31, asynchronous (its binaries have no semi-sync plugin). */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2)
class MySql8031RoundsIT extends RoundsContract {

    MySql8031RoundsIT(ReplicationCluster cluster) {
        super(cluster);
    }

    @Override
    boolean lossless() {
        return false;
    }
}
