package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What every engine's cluster must do; subclasses pick the engine with {@code @WithReplicationCluster}. */
abstract class ReplicationClusterContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    private final ReplicationCluster cluster;

    ReplicationClusterContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void comesUpAsOneMasterAndReplicatingReplicas() {
        ServerTopology topology = cluster.topology();

        assertThat(topology.masters()).extracting(NodeReport::node).containsExactly("n1");
        for (ClusterNode replica : cluster.nodes().subList(1, cluster.nodes().size())) {
            NodeReport report = topology.node(replica.name());
            assertThat(report.readOnly()).isTrue();
            assertThat(report.sourcePort()).isEqualTo(cluster.node("n1").serverPort());
            assertThat(report.replicationHealthy()).as(report.toString()).isTrue();
            assertThat(report.serverId()).isEqualTo(replica.serverId());
        }
    }

    @Test
    void rowWrittenOnMasterAppearsOnEveryReplica() throws SQLException {
        String table = newTable();
        try (Connection app = app(cluster.master(), 5_000)) {
            app.createStatement().executeUpdate("INSERT INTO " + table + " VALUES (1, 'hello')");
        }
        cluster.awaitReplicasCaughtUp();

        for (ClusterNode replica : cluster.replicas()) {
            try (Connection app = app(replica, 5_000)) {
                assertThat(value(app, "SELECT v FROM " + table + " WHERE id = 1")).isEqualTo("hello");
            }
        }
    }

    @Test
    void applicationUserCannotWriteOnReplicasNorReadReplicationStatus() throws SQLException {
        String table = newTable();
        ClusterNode replica = cluster.replicas().get(0);
        try (Connection app = app(replica, 5_000)) {
            assertThatThrownBy(() -> app.createStatement().executeUpdate("INSERT INTO " + table + " VALUES (2, 'x')"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getErrorCode())
                    .isEqualTo(1290);
            assertThatThrownBy(() -> app.createStatement().executeQuery(cluster.sql().status()))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getErrorCode())
                    .isEqualTo(1227);
        }
        try (Connection admin = connect(replica, "", cluster.adminUser(), 5_000)) {
            assertThat(admin.createStatement().executeQuery(cluster.sql().status()).next()).isTrue();
        }
    }

    @Test
    void killedNodeRefusesConnectionsAndStartsAgainWithItsData() throws SQLException {
        String table = newTable();
        cluster.execute(cluster.master(), "INSERT INTO " + table + " VALUES (1, 'kept')");
        cluster.awaitReplicasCaughtUp();
        ClusterNode replica = cluster.replicas().get(0);

        replica.kill();

        assertThat(replica.isRunning()).isFalse();
        assertThat(cluster.topology().node(replica.name()).state()).isEqualTo("stopped");
        assertThatThrownBy(() -> app(replica, 2_000).close()).isInstanceOf(SQLException.class);

        replica.start();
        try (Connection app = app(replica, 5_000)) {
            assertThat(value(app, "SELECT v FROM " + table + " WHERE id = 1")).isEqualTo("kept");
        }
    }

    @Test
    void restartedMasterServesAgainWithItsDataAndReplicasReconnect() throws SQLException {
        String table = newTable();
        cluster.execute(cluster.master(), "INSERT INTO " + table + " VALUES (1, 'before')");
        ClusterNode master = cluster.master();

        master.restart();

        try (Connection app = app(master, 5_000)) {
            assertThat(value(app, "SELECT v FROM " + table + " WHERE id = 1")).isEqualTo("before");
            app.createStatement().executeUpdate("INSERT INTO " + table + " VALUES (2, 'after')");
        }
        cluster.awaitReplicasCaughtUp();
        try (Connection app = app(cluster.replicas().get(0), 5_000)) {
            assertThat(value(app, "SELECT v FROM " + table + " WHERE id = 2")).isEqualTo("after");
        }
    }

    @Test
    void pausedNodeLetsConnectAttemptsTimeOut() throws SQLException {
        ClusterNode replica = cluster.replicas().get(0);

        replica.pause();

        assertThat(cluster.topology().node(replica.name()).state()).isEqualTo("paused");
        assertThatThrownBy(() -> app(replica, 1_000).close()).isInstanceOf(SQLException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        replica.resume();
        try (Connection app = app(replica, 5_000)) {
            assertThat(value(app, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void cutFromApplicationBlocksClientsWhileReplicationFlows() throws SQLException {
        String table = newTable();
        ClusterNode master = cluster.master();
        ClusterNode replica = cluster.replicas().get(0);

        master.cutFromApplication();
        replica.cutFromApplication();

        assertThatThrownBy(() -> app(master, 1_000).close()).isInstanceOf(SQLException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> app(replica, 1_000).close()).isInstanceOf(SQLException.class)
                .hasRootCauseInstanceOf(SocketTimeoutException.class);
        cluster.execute(master, "INSERT INTO " + table + " VALUES (1, 'flows')");
        cluster.awaitReplicasCaughtUp();
        assertThat(cluster.query(replica, "SELECT v FROM " + table).get(0).get("v")).isEqualTo("flows");
        assertThat(cluster.topology().node(replica.name()).replicationHealthy()).isTrue();

        master.healNetwork();
        try (Connection app = app(master, 5_000)) {
            assertThat(value(app, "SELECT v FROM " + table)).isEqualTo("flows");
        }
    }

    @Test
    void resetConnectionsBreaksOpenConnectionsAndRefusesNewOnes() throws SQLException {
        ClusterNode replica = cluster.replicas().get(0);
        try (Connection open = app(replica, 5_000)) {
            replica.resetConnections();

            assertThatThrownBy(() -> value(open, "SELECT 1")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).asString().startsWith("08");
        }
        assertThatThrownBy(() -> app(replica, 5_000).close()).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).asString().startsWith("08");
    }

    @Test
    void addedLatencyOutlastsAShortSocketTimeout() throws SQLException {
        ClusterNode replica = cluster.replicas().get(0);
        try (Connection app = app(replica, 5_000)) {
            app.setNetworkTimeout(Runnable::run, 500);
            replica.addLatency(Duration.ofMillis(1_500));

            assertThatThrownBy(() -> value(app, "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
        replica.addLatency(Duration.ZERO);
        try (Connection app = app(replica, 5_000)) {
            assertThat(value(app, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void stoppedApplierLeavesTheReplicaBehindUntilStarted() throws SQLException {
        String table = newTable();
        ClusterNode replica = cluster.replicas().get(0);

        replica.stopApplier();
        cluster.execute(cluster.master(), "INSERT INTO " + table + " VALUES (1, 'late')");

        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.topology().node(replica.name()).secondsBehind() == -1);
        assertThat(cluster.query(replica, "SELECT v FROM " + table)).isEmpty();
        replica.startApplier();
        cluster.awaitReplicasCaughtUp();
        assertThat(cluster.query(replica, "SELECT v FROM " + table)).hasSize(1);
    }

    @Test
    void delayedReplicaAppliesLater() {
        String table = newTable();
        ClusterNode replica = cluster.replicas().get(0);

        replica.delayReplication(Duration.ofSeconds(3));
        cluster.execute(cluster.master(), "INSERT INTO " + table + " VALUES (1, 'delayed')");

        assertThat(cluster.query(replica, "SELECT v FROM " + table)).isEmpty();
        cluster.awaitReplicasCaughtUp();
        assertThat(cluster.query(replica, "SELECT v FROM " + table)).hasSize(1);
    }

    @Test
    void resetAfterAFailoverRebuildsTheOriginalTopology() {
        ClusterNode oldMaster = cluster.master();
        ClusterNode promoted = cluster.replicas().get(0);
        oldMaster.kill();
        cluster.execute(promoted, cluster.sql().stop(), "RESET " + (cluster.sql().status().contains("REPLICA")
                ? "REPLICA" : "SLAVE") + " ALL", "SET GLOBAL read_only = OFF");
        assertThat(cluster.master()).isEqualTo(promoted);

        cluster.reset();

        assertThat(cluster.topology().masters()).extracting(NodeReport::node).containsExactly("n1");
        assertThat(cluster.topology().nodes()).allMatch(NodeReport::running);
    }

    private String newTable() {
        String table = cluster.database() + ".t" + TABLES.incrementAndGet();
        cluster.execute(cluster.master(), "CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(50))");
        cluster.awaitReplicasCaughtUp();
        return table;
    }

    private Connection app(ClusterNode node, int socketTimeoutMillis) throws SQLException {
        return connect(node, cluster.database(), cluster.applicationUser(), socketTimeoutMillis);
    }

    static Connection connect(ClusterNode node, String database, Credentials user, int socketTimeoutMillis)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user.user());
        properties.setProperty("password", user.password());
        properties.setProperty("connectTimeout", "1000");
        properties.setProperty("socketTimeout", Integer.toString(socketTimeoutMillis));
        properties.setProperty("allowPublicKeyRetrieval", "true");
        return DriverManager.getConnection("jdbc:mysql://" + node.address() + "/" + database, properties);
    }

    static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
