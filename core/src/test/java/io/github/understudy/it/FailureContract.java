package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.understudy.ConnectionChangedException;
import io.github.understudy.HostAndPort;
import io.github.understudy.LagSource;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.TransactionStateUnknownException;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What callers see when replicas die, hang or lag, on a real 1+2 cluster. */
abstract class FailureContract {

    final ReplicationCluster cluster;

    FailureContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    private NodeState state(UnderstudyDataSource ds, ClusterNode node) {
        return status(ds, node).state();
    }

    private NodeStatus status(UnderstudyDataSource ds, ClusterNode node) {
        return ds.topology().node(HostAndPort.parse(node.address())).orElseThrow();
    }

    @Test
    void replicaKilledUnderReadLoadCostsNoReadAndLeavesTheRotation() throws Exception {
        ClusterNode victim = cluster.node("n2");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build())) {
            try (ReadLoad load = new ReadLoad(ds, 8)) {
                load.runAtLeast(200);
                victim.kill();
                await().until(() -> state(ds, victim) == NodeState.DOWN);
                load.resetCounts();
                load.runAtLeast(200);
                load.close();

                assertThat(load.failures).as("failed reads").isEmpty();
                assertThat(load.perServer).as("reads after the replica went down").containsOnlyKeys(
                        cluster.node("n3").serverId());
            }
        }
    }

    @Test
    void hungReplicaIsEvictedAndCallersReturnWithoutPilingUpThreads() throws Exception {
        ClusterNode victim = cluster.node("n2");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build())) {
            try (ReadLoad load = new ReadLoad(ds, 8)) {
                load.runAtLeast(100);
                victim.pause();
                await().until(() -> state(ds, victim) == NodeState.DOWN);
                load.resetCounts();
                load.runAtLeast(100);
            } // close() fails if a reader is still stuck after 30 s

            // Bounded by the topology, not the load: the monitor's threads, and HikariCP's few per pool.
            assertThat(threadsOf(ds)).as("threads of the DataSource").isLessThanOrEqualTo(3 + 3 * 3);
        } finally {
            victim.resume();
        }
    }

    @Test
    void replicaLaggingPastTheMaximumLeavesTheRotationAndReturnsWhenCaughtUp() throws Exception {
        ClusterNode laggard = cluster.node("n2");
        cluster.execute(cluster.master(), "CREATE TABLE IF NOT EXISTS appdb.ticks (id INT AUTO_INCREMENT PRIMARY KEY)");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster)
                .maxReplicaLag(Duration.ofSeconds(1)).build())) {
            // Delayed far longer than the test, so that it lags until the delay is taken off. Stopping and starting
            // its threads for the change shows as LAGGING for a probe too ("applier not running"), and any replica
            // may report 1 s (whole seconds) for a probe: wait for a lag only the delay explains.
            laggard.delayReplication(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                cluster.execute(cluster.master(), "INSERT INTO appdb.ticks VALUES ()");
                NodeStatus status = status(ds, laggard);
                return status.state() == NodeState.LAGGING && status.lag() != null
                        && status.lag().compareTo(Duration.ofSeconds(2)) >= 0;
            });
            // A healthy replica may report 1 s of lag for a probe or two (whole seconds, at the limit): wait for it.
            ClusterNode healthy = cluster.node("n3");
            await().atMost(Duration.ofSeconds(20)).until(() -> state(ds, healthy) == NodeState.UP);
            assertThat(RoutingContract.countReads(ds, 20)).containsOnlyKeys(healthy.serverId());

            laggard.delayReplication(Duration.ZERO);
            await().atMost(Duration.ofSeconds(20)).until(() -> state(ds, laggard) == NodeState.UP);
            assertThat(RoutingContract.countReads(ds, 20)).containsKey(laggard.serverId());
        }
    }

    @Test
    void heartbeatGivesSubSecondLagForAStuckApplier() throws Exception {
        ClusterNode laggard = cluster.node("n2");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).lagSource(LagSource.HEARTBEAT)
                .heartbeatInterval(Duration.ofMillis(100)).maxReplicaLag(Duration.ofMillis(500)).build());
             Connection lock = cluster.openDirect(laggard, Duration.ofSeconds(30))) {
            await().until(() -> state(ds, laggard) == NodeState.UP
                    && status(ds, laggard).lag() != null);

            // The applier waits for this lock while its threads still say "Yes": only the heartbeat shows the lag.
            lock.createStatement().execute("FLUSH TABLES WITH READ LOCK");
            await().atMost(Duration.ofSeconds(10)).until(() -> state(ds, laggard) == NodeState.LAGGING);
            lock.createStatement().execute("UNLOCK TABLES");

            await().atMost(Duration.ofSeconds(10)).until(() -> state(ds, laggard) == NodeState.UP);
        }
    }

    @Test
    void autoCommitReadIsReRunOnAnotherReplicaWithItsParameters() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
             Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            PreparedStatement statement = c.prepareStatement("SELECT @@server_id, ? + 1");
            statement.setInt(1, 41);
            long first = single(statement);
            ClusterNode victim = nodeWithServerId(first);

            victim.kill();
            statement.setInt(1, 41);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isNotEqualTo(first);
                assertThat(rs.getInt(2)).isEqualTo(42);
            }
        }
    }

    @Test
    void readOnlyTransactionWhoseReplicaDiesFailsTypedAndTheConnectionRecovers() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
             Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            long first = Clusters.serverId(c);
            nodeWithServerId(first).kill();

            assertThatThrownBy(() -> Clusters.serverId(c)).isInstanceOf(ConnectionChangedException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08S02");
            c.rollback();

            assertThat(Clusters.serverId(c)).isNotEqualTo(first);
            c.commit();
        }
    }

    @Test
    void withoutRetriesTheDriversErrorReachesTheCaller() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).retryReads(false).build());
             Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            nodeWithServerId(Clusters.serverId(c)).kill();

            assertThatThrownBy(() -> Clusters.serverId(c)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).asString().startsWith("08");
            assertThat(Clusters.serverId(c)).as("the next statement runs elsewhere").isPositive();
        }
    }

    @Test
    void commitWhoseOutcomeIsUnknownFailsWith08007() throws SQLException {
        cluster.execute(cluster.master(), "CREATE TABLE IF NOT EXISTS appdb.orders (id INT PRIMARY KEY)");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
             Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("INSERT INTO orders VALUES (1)");
            cluster.master().resetConnections();

            assertThatThrownBy(c::commit).isInstanceOf(TransactionStateUnknownException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08007");
        }
    }

    private static long threadsOf(UnderstudyDataSource ds) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(ds.name() + "-"))
                .count();
    }

    private ClusterNode nodeWithServerId(long serverId) {
        return cluster.nodes().stream().filter(n -> n.serverId() == serverId).findFirst().orElseThrow();
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
