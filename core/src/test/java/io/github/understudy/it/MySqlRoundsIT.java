package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** Asynchronous (the MySQL 8.0.15 binaries have no semi-sync plugin). */
@WithReplicationCluster(engine = "mysql", replicas = 2)
class MySqlRoundsIT extends RoundsContract {

    MySqlRoundsIT(ReplicationCluster cluster) {
        super(cluster);
    }

    @Override
    boolean lossless() {
        return false;
    }
}
