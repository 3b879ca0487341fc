package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.InvalidSettingException;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the configuration cannot smuggle in, and configuration mistakes told apart from outages, on real servers.
 */
abstract class HostileInputContract {

    /** Every character that means something in a JDBC URL, and a few that mean something to SQL. */
    static final String METACHARACTERS = "app?allowMultiQueries=true&x=%41+b#c;d e'f`g";

    final ReplicationCluster cluster;

    HostileInputContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aDatabaseNamedWithUrlMetacharactersIsThatDatabaseAndSetsNoDriverProperty() throws SQLException {
        String quoted = "`" + METACHARACTERS.replace("`", "``") + "`";
        cluster.execute(cluster.node("n1"), "CREATE DATABASE IF NOT EXISTS " + quoted,
                "GRANT SELECT ON " + quoted + ".* TO '" + cluster.applicationUser().user() + "'@'%'");
        cluster.awaitReplicasCaughtUp();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).database(METACHARACTERS).build())) {
            for (boolean read : List.of(false, true)) {
                try (Connection connection = ds.getConnection()) {
                    connection.setReadOnly(read);
                    assertThat(Clusters.value(connection, "SELECT DATABASE()")).isEqualTo(METACHARACTERS);
                    assertThat(connection.getCatalog()).isEqualTo(METACHARACTERS);
                    assertThatThrownBy(() -> Clusters.value(connection, "SELECT 1; SELECT 2"))
                            .isInstanceOf(SQLSyntaxErrorException.class); // allowMultiQueries stayed off
                }
            }
        } finally {
            cluster.execute(cluster.node("n1"), "DROP DATABASE IF EXISTS " + quoted);
        }
    }

    @Test
    void anUnknownDatabaseFailsReadsAndWritesAtOnceWithTheServersErrorAndTheSetting() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).database("no_such_db").build())) {
            for (boolean read : List.of(false, true)) {
                try (Connection connection = ds.getConnection()) {
                    connection.setReadOnly(read);
                    assertThatThrownBy(() -> Clusters.value(connection, "SELECT 1"))
                            .isInstanceOf(SQLSyntaxErrorException.class) // not NoAvailableNodeException after a wait
                            .hasMessageContaining("check the database setting")
                            .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isIn(1044, 1049));
                }
            }
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceWithTheServersErrorAndTheSetting() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).password("wrong").build());
             Connection connection = ds.getConnection()) {
            assertThatThrownBy(() -> Clusters.value(connection, "SELECT 1"))
                    .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                    .hasMessageContaining("check the username and password settings")
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1045))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        }
    }

    @Test
    void oneServerListedUnderTwoNamesIsRefusedAtStartWhetherMasterOrReplica() {
        for (ClusterNode twice : List.of(cluster.node("n1"), cluster.node("n2"))) {
            String alias = "localhost:" + twice.address().substring(twice.address().lastIndexOf(':') + 1);
            List<String> hosts = List.of(cluster.node("n1").address(), cluster.node("n2").address(), alias);

            assertThatThrownBy(() -> new UnderstudyDataSource(config(cluster).hosts(hosts).build()))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageEndingWith(twice.address() + " and " + alias + " are the same server (server_id "
                            + twice.serverId() + ")")
                    .extracting(e -> ((InvalidSettingException) e).setting()).isEqualTo("hosts");
        }
    }
}
