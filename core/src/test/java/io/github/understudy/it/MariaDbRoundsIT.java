package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** With semi-sync (AFTER_SYNC, no fallback to asynchronous), as issue 21 found the losses. */
@WithReplicationCluster(engine = "mariadb", replicas = 2, semiSync = true)
class MariaDbRoundsIT extends RoundsContract {

    MariaDbRoundsIT(ReplicationCluster cluster) {
        super(cluster);
    }

    @Override
    boolean lossless() {
        return true;
    }
}
