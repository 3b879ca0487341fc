package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** The same on Debian's MariaDB (10.11 on Debian 12), whose semi-sync is built in as on 11.4. */
@WithReplicationCluster(engine = "binary:/usr/sbin/mariadbd", replicas = 2, semiSync = true,
        disabledWhenUnavailable = true)
class MariaDb1011SemiSyncFailoverIT extends MariaDbSemiSyncFailoverIT {

    MariaDb1011SemiSyncFailoverIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
