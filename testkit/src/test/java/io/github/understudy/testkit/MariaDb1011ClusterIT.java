package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.testkit.junit.WithReplicationCluster;

import org.junit.jupiter.api.Test;

/**
 * Debian's MariaDB package ({@code apt-get install mariadb-server}: 10.11 on Debian 12) through
 * {@code Engine.binary}. Skipped where it is not installed; CI installs it and forbids the skip.
 */
@WithReplicationCluster(engine = "binary:/usr/sbin/mariadbd", replicas = 2, disabledWhenUnavailable = true)
class MariaDb1011ClusterIT extends ReplicationClusterContract {

    private final ReplicationCluster cluster;

    MariaDb1011ClusterIT(ReplicationCluster cluster) {
        super(cluster);
        this.cluster = cluster;
    }

    @Test
    void reportsTheVersionWithTheLegacyPrefixThatConnectorJSees() throws java.sql.SQLException {
        assertThat(cluster.flavor()).isEqualTo(Flavor.MARIADB);
        assertThat(cluster.query(cluster.master(), "SELECT VERSION() AS v").get(0).get("v").toString())
                .startsWith(cluster.version() + "-MariaDB");
        try (java.sql.Connection connection = connect(cluster.master(), "", cluster.adminUser(), 5_000)) {
            assertThat(connection.getMetaData().getDatabaseProductVersion()).startsWith("5.5.5-" + cluster.version());
        }
    }
}
