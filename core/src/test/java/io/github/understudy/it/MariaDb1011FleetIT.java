package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** Debian's MariaDB (10.11 on Debian 12); CI installs it, elsewhere skipped when absent. */
@WithReplicationCluster(engine = "binary:/usr/sbin/mariadbd", replicas = 2, disabledWhenUnavailable = true)
class MariaDb1011FleetIT extends FleetContract {

    MariaDb1011FleetIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
