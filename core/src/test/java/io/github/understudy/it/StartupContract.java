package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.understudy.HostAndPort;
import io.github.understudy.NoAvailableNodeException;
import io.github.understudy.NodeState;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.StartupFailedException;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.ReplicationCluster;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What happens at start when the cluster is not what it should be, and what never shows in logs. */
abstract class StartupContract {

    final ReplicationCluster cluster;

    StartupContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void unreachableMasterFailsTheStartUnlessDegradedStartIsAllowed() throws SQLException {
        cluster.node("n1").cutFromApplication();

        assertThatThrownBy(() -> new UnderstudyDataSource(config(cluster).build()))
                .isInstanceOf(StartupFailedException.class)
                .hasFieldOrPropertyWithValue("reason", StartupFailedException.Reason.NO_REACHABLE_MASTER)
                .hasMessageContaining("cannot start: no reachable writable master")
                .hasMessageContaining("set startDegraded=true");

        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).startDegraded(true)
                .masterWaitTimeout(java.time.Duration.ofMillis(500)).build())) {
            assertThat(Clusters.readServerId(ds)).isIn(cluster.node("n2").serverId(), cluster.node("n3").serverId());
            try (Connection c = ds.getConnection()) {
                assertThatThrownBy(() -> Clusters.serverId(c)).isInstanceOf(NoAvailableNodeException.class)
                        .hasMessageContaining("no master for write within 500ms")
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
            }
        }
    }

    @Test
    void twoWritableNodesAreRefusedNamingBoth() {
        ClusterNode n2 = cluster.node("n2");
        cluster.execute(n2, stopReplica(), resetReplica());
        if (cluster.flavor() == Flavor.MYSQL) {
            cluster.execute(n2, "SET GLOBAL super_read_only = OFF");
        }
        cluster.execute(n2, "SET GLOBAL read_only = OFF");

        assertThatThrownBy(() -> new UnderstudyDataSource(config(cluster).build()))
                .isInstanceOf(StartupFailedException.class)
                .hasFieldOrPropertyWithValue("reason", StartupFailedException.Reason.SEVERAL_WRITABLE_MASTERS)
                .hasMessageContaining("2 nodes report being writable masters")
                .hasMessageContaining(cluster.node("n1").address() + " server_id 1")
                .hasMessageContaining(n2.address() + " server_id 2");
    }

    @Test
    void replicaOfAnotherMasterGetsNoReads() throws SQLException, InterruptedException {
        ClusterNode n2 = cluster.node("n2");
        ClusterNode n3 = cluster.node("n3");
        // n3 replicates from n2 (a chain an operator built), not from the master n1. It reaches n2 through n2's
        // application path, cut at first: a chain still connecting, which shows no source server_id yet.
        n2.cutFromApplication();
        cluster.execute(n3, stopReplica(), changeSource(n2.port()), startReplica());

        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build())) {
            Thread.sleep(2_000); // many probes and repair rounds: a chain still connecting is not "repaired"
            n2.healNetwork();
            await().untilAsserted(() -> assertThat(ds.topology().node(HostAndPort.parse(n3.address())).orElseThrow()
                    .reason()).contains("replicates from server_id 2, not from the master (server_id 1)"));
            assertThat(ds.topology().node(HostAndPort.parse(n3.address())).orElseThrow().state())
                    .isEqualTo(NodeState.LAGGING);
            await().until(() -> ds.topology().healthyReplicas().size() == 1);
            assertThat(RoutingContract.countReads(ds, 10)).containsOnlyKeys(n2.serverId());
        }
    }

    @Test
    void configuredMasterMustBeTheOneTheServersReport() {
        String n2 = cluster.node("n2").address();

        assertThatThrownBy(() -> new UnderstudyDataSource(config(cluster).master(n2).build()))
                .isInstanceOf(StartupFailedException.class)
                .hasFieldOrPropertyWithValue("reason", StartupFailedException.Reason.MASTER_NOT_AS_CONFIGURED)
                .hasMessageContaining("master is configured as " + n2 + ", but the writable node that replicates "
                        + "from no one is " + cluster.node("n1").address());
    }

    @Test
    void wrongCredentialsGiveTheDriversErrorAndPasswordsNeverReachTheLogs() throws SQLException {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        try {
            UnderstudyConfig badAdmin = config(cluster).adminPassword("wrong-admin-secret").build();
            assertThatThrownBy(() -> new UnderstudyDataSource(badAdmin)).isInstanceOf(StartupFailedException.class)
                    .hasMessageContaining("access denied");

            UnderstudyConfig badApp = config(cluster).password("wrong-app-secret").build();
            try (UnderstudyDataSource ds = new UnderstudyDataSource(badApp); Connection c = ds.getConnection()) {
                // A configuration error, not an outage: it fails at once with the server's error (issue 13).
                assertThatThrownBy(() -> Clusters.serverId(c))
                        .isInstanceOf(java.sql.SQLInvalidAuthorizationSpecException.class)
                        .rootCause().hasMessageContaining("Access denied for user '"
                                + cluster.applicationUser().user() + "'");
                assertThat(badApp.toString()).doesNotContain("wrong-app-secret", cluster.adminUser().password());
            }
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty().noneMatch(event -> {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            return text.contains("wrong-admin-secret") || text.contains("wrong-app-secret")
                    || text.contains(cluster.adminUser().password()) || text.contains(cluster.applicationUser().password());
        });
    }

    private String stopReplica() {
        return "STOP SLAVE";
    }

    private String startReplica() {
        return "START SLAVE";
    }

    private String resetReplica() {
        return "RESET SLAVE ALL";
    }

    private String changeSource(int port) {
        String user = cluster.replicationUser().user();
        String password = cluster.replicationUser().password();
        return cluster.flavor() == Flavor.MARIADB
                ? "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + port + ", MASTER_USER='" + user
                        + "', MASTER_PASSWORD='" + password + "', MASTER_USE_GTID=slave_pos"
                : "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + port + ", MASTER_USER='" + user
                        + "', MASTER_PASSWORD='" + password + "', MASTER_AUTO_POSITION=1, MASTER_SSL=1";
    }
}
