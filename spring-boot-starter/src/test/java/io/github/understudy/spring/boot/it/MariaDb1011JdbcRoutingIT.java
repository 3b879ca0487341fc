package io.github.understudy.spring.boot.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** The same, on Debian's MariaDB (10.11 on Debian 12); CI installs it, elsewhere skipped when absent. */
@WithReplicationCluster(engine = "binary:/usr/sbin/mariadbd", replicas = 2, disabledWhenUnavailable = true)
class MariaDb1011JdbcRoutingIT extends JdbcRoutingIT {

    MariaDb1011JdbcRoutingIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
