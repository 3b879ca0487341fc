package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static io.github.understudy.it.Clusters.readServerId;
import static io.github.understudy.it.Clusters.serverId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import io.github.understudy.NoAvailableNodeException;
import io.github.understudy.PoolSettings;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Where reads and writes go, on a healthy 1+2 cluster. */
abstract class RoutingContract {

    private static final AtomicInteger TABLES = new AtomicInteger();

    final ReplicationCluster cluster;

    RoutingContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    long id(String node) {
        return cluster.node(node).serverId();
    }

    @Test
    void writesAndUnflaggedWorkGoToTheMasterOnly() throws SQLException {
        String table = "t" + TABLES.incrementAndGet();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build())) {
            for (int i = 0; i < 10; i++) {
                try (Connection c = ds.getConnection()) {
                    assertThat(serverId(c)).isEqualTo(id("n1"));
                    c.createStatement().execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY)");
                    c.createStatement().executeUpdate("INSERT INTO " + table + " VALUES (" + i + ")");
                }
            }
        }
        assertThat(cluster.query(cluster.node("n1"), "SELECT COUNT(*) AS n FROM appdb." + table).get(0).get("n"))
                .isEqualTo(10L);
    }

    @Test
    void roundRobinSpreadsReadsEvenlyOverTheReplicas() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build())) {
            Map<Long, Integer> reads = countReads(ds, 40);

            assertThat(reads).containsOnlyKeys(id("n2"), id("n3"));
            assertThat(reads.get(id("n2"))).isEqualTo(20);
        }
    }

    @Test
    void weightedSendsReadsInProportion() throws SQLException {
        ClusterNode n2 = cluster.node("n2");
        ReplicaSelector weighted = ReplicaSelector.weighted(Map.of(HostAndPort.parse(n2.address()), 3));
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).readStrategy(weighted).build())) {
            Map<Long, Integer> reads = countReads(ds, 400);

            // 3:1 expected: 300 vs 100, far from anything round-robin or random would give
            assertThat(reads.get(id("n2"))).isBetween(250, 350);
        }
    }

    @Test
    void randomUsesEveryReplica() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster)
                .readStrategy(ReplicaSelector.random()).build())) {
            assertThat(countReads(ds, 100)).containsOnlyKeys(id("n2"), id("n3"));
        }
    }

    @Test
    void leastInFlightAvoidsTheBusyReplica() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster)
                .readStrategy(ReplicaSelector.leastInFlight()).build());
             Connection busy = ds.getConnection()) {
            busy.setReadOnly(true);
            long busyId = serverId(busy); // holds one connection of that replica while the others read

            Map<Long, Integer> reads = countReads(ds, 20);

            assertThat(reads).doesNotContainKey(busyId);
        }
    }

    @Test
    void lowestLatencyPrefersTheFasterReplica() throws SQLException {
        cluster.node("n2").addLatency(java.time.Duration.ofMillis(40));
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster)
                .readStrategy(ReplicaSelector.lowestLatency()).build())) {
            org.awaitility.Awaitility.await().until(() -> countReads(ds, 10).getOrDefault(id("n3"), 0) == 10);

            Map<Long, Integer> reads = countReads(ds, 100);

            assertThat(reads.getOrDefault(id("n3"), 0)).isGreaterThan(90);
        }
    }

    @Test
    void readOnlyTransactionStaysOnOneReplicaAndConnectionsMaySwitchBetweenTransactions() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
             Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            long first = serverId(c);
            for (int i = 0; i < 10; i++) {
                assertThat(serverId(c)).isEqualTo(first);
            }
            c.commit();
            c.setAutoCommit(true);

            c.setReadOnly(false);
            assertThat(serverId(c)).isEqualTo(id("n1"));
            c.setReadOnly(true);
            assertThat(serverId(c)).isIn(id("n2"), id("n3"));
        }
    }

    @Test
    void sessionStateSetBeforeTheFirstStatementIsApplied() throws SQLException {
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
             Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setCatalog("information_schema");

            assertThat(Clusters.value(c, "SELECT DATABASE()")).isEqualTo("information_schema");
            String isolationVariable = cluster.flavor() == io.github.understudy.testkit.Flavor.MYSQL
                    ? "@@transaction_isolation" : "@@tx_isolation";
            assertThat(Clusters.value(c, "SELECT " + isolationVariable)).isEqualTo("READ-COMMITTED");
            assertThat(Clusters.value(c, "SELECT @@transaction_read_only")).isEqualTo("1");
        }
    }

    @Test
    void allReplicasDownSendsReadsToTheMasterOrFailsTyped() throws SQLException {
        try (UnderstudyDataSource fallback = new UnderstudyDataSource(config(cluster).build());
             UnderstudyDataSource strict = new UnderstudyDataSource(config(cluster).readFallbackToMaster(false).build())) {
            for (UnderstudyDataSource ds : List.of(fallback, strict)) {
                ds.evict(cluster.node("n2").address());
                ds.evict(cluster.node("n3").address());
            }

            assertThat(readServerId(fallback)).isEqualTo(id("n1"));
            assertThatThrownBy(() -> readServerId(strict)).isInstanceOf(NoAvailableNodeException.class)
                    .hasMessageContaining("no healthy replica for read (readFallbackToMaster=false)")
                    .hasMessageContaining("down=[")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");

            strict.readmit(cluster.node("n2").address());
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(readServerId(strict)).isEqualTo(id("n2")));
        }
    }

    @Test
    void routedStatementsReachTheServerAsTheApplicationsOwnAndNothingElse() throws SQLException {
        PoolSettings fixed = PoolSettings.builder().maximumPoolSize(2).minimumIdle(2)
                .connectionTimeout(java.time.Duration.ofSeconds(1)).build();
        ClusterNode replica = cluster.node("n2");
        ClusterNode master = cluster.node("n1");
        cluster.execute(master, "CREATE TABLE IF NOT EXISTS appdb.counted (id INT AUTO_INCREMENT PRIMARY KEY)");
        cluster.awaitReplicasCaughtUp();
        // One root session per server for both readings: a new session's own set-up statements would count.
        try (UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).replicaPool(fixed).masterPool(fixed)
                .build());
             Connection replicaRoot = cluster.openDirect(replica, java.time.Duration.ofSeconds(10));
             Connection masterRoot = cluster.openDirect(master, java.time.Duration.ofSeconds(10))) {
            ds.evict(cluster.node("n3").address());
            // Fill both pools (two connections used at once): a connection's set-up statements are not per borrow.
            try (Connection r1 = ds.getConnection(); Connection r2 = ds.getConnection();
                 Connection w1 = ds.getConnection(); Connection w2 = ds.getConnection()) {
                r1.setReadOnly(true);
                r2.setReadOnly(true);
                for (Connection c : List.of(r1, r2, w1, w2)) {
                    serverId(c);
                }
            }
            Map<String, Long> replicaBefore = Clusters.counters(replicaRoot);
            Map<String, Long> masterBefore = Clusters.counters(masterRoot);

            for (int i = 0; i < 50; i++) {
                try (Connection c = ds.getConnection()) {
                    c.setReadOnly(true);
                    Clusters.value(c, "SELECT 1");
                }
                insert(ds);
            }

            assertThat(Clusters.delta(replicaBefore, Clusters.counters(replicaRoot))).containsEntry("Com_select", 50L)
                    .containsEntry("Com_set_option", 0L).containsEntry("Com_change_db", 0L);
            assertThat(Clusters.delta(masterBefore, Clusters.counters(masterRoot))).containsEntry("Com_insert", 50L)
                    .containsEntry("Com_select", 0L).containsEntry("Com_set_option", 0L)
                    .containsEntry("Com_change_db", 0L);
        }
    }

    @Test
    void closeStopsEveryThreadAndPoolItStarted() throws SQLException {
        UnderstudyDataSource ds = new UnderstudyDataSource(config(cluster).build());
        readServerId(ds);
        assertThat(threadsOf(ds)).as("monitor and pool threads while open").isPositive();
        Connection open = ds.getConnection();

        ds.close();

        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(threadsOf(ds)).isZero());
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        open.setReadOnly(true);
        assertThatThrownBy(() -> serverId(open)).isInstanceOf(SQLException.class);
    }

    private static long threadsOf(UnderstudyDataSource ds) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive()
                && t.getName().startsWith(ds.name() + "-")).count();
    }

    private static void insert(UnderstudyDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO counted VALUES ()");
        }
    }

    static Map<Long, Integer> countReads(UnderstudyDataSource ds, int reads) throws SQLException {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 0; i < reads; i++) {
            counts.merge(readServerId(ds), 1, Integer::sum);
        }
        return counts;
    }
}
