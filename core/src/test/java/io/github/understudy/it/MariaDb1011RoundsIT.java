package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** Debian's MariaDB (10.11 on Debian 12) with semi-sync; CI installs it, elsewhere skipped when absent. */
@WithReplicationCluster(engine = "binary:/usr/sbin/mariadbd", replicas = 2, semiSync = true,
        disabledWhenUnavailable = true)
class MariaDb1011RoundsIT extends RoundsContract {

    MariaDb1011RoundsIT(ReplicationCluster cluster) {
        super(cluster);
    }

    @Override
    boolean lossless() {
        return true;
    }
}
