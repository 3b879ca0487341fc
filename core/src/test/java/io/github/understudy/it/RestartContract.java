package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.FailoverHeldBack;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Servers restart with their configuration files (n1's says writable, the others' read-only): the epoch record, not
 * read_only, decides which node takes writes. Every row records the server that executed it ({@code @@server_id}),
 * so a write acknowledged by the wrong node shows in the data.
 */
abstract class RestartContract {


    final ReplicationCluster cluster;
    private final AtomicInteger ids = new AtomicInteger();

    RestartContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aColdRestartAfterAFailoverWritesOnlyToTheHighestEpochsMaster() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, server BIGINT");
        Events events = new Events();
        try (UnderstudyDataSource stayedUp = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            writeSome(stayedUp, table);
            cluster.node("n1").kill();
            ClusterNode promoted = promotedAfter(events, 1);
            writeSome(stayedUp, table);

            restartEverything();

            // n1 is first in hosts and comes back writable: neither the DataSource that stayed up nor a new one
            // may write there.
            int from = ids.get();
            writeSome(stayedUp, table);
            try (UnderstudyDataSource fresh = new UnderstudyDataSource(failoverConfig(cluster, new Events()).build())) {
                assertThat(fresh.writeTarget()).contains(HostAndPort.parse(promoted.address()));
                writeSome(fresh, table);
            }
            assertThat(serversOf(promoted, table, from)).containsOnly(promoted.serverId());
            assertThat(cluster.topology().masters()).extracting(r -> r.node()).containsExactly(promoted.name());
        }
    }

    @Test
    void aColdRestartAfterTwoFailoversFollowsTheLastPromotion() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, server BIGINT");
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            writeSome(ds, table);
            cluster.node("n1").kill();
            ClusterNode first = promotedAfter(events, 1);
            cluster.node("n1").start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(NodeRejoined.class).isEmpty());
            writeSome(ds, table);
            first.kill();
            ClusterNode second = promotedAfter(events, 2);
            writeSome(ds, table);

            restartEverything();

            int from = ids.get();
            try (UnderstudyDataSource fresh = new UnderstudyDataSource(failoverConfig(cluster, new Events()).build())) {
                assertThat(fresh.writeTarget()).contains(HostAndPort.parse(second.address()));
                writeSome(fresh, table);
            }
            writeSome(ds, table);
            assertThat(serversOf(second, table, from)).containsOnly(second.serverId());
        }
    }

    @Test
    void theRecordedMasterRestartedWhileNoneCouldBePromotedTakesWritesAgain() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, server BIGINT");
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            writeSome(ds, table);
            cluster.node("n1").kill();
            ClusterNode promoted = promotedAfter(events, 1);
            cluster.node("n1").start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(NodeRejoined.class).isEmpty());
            writeSome(ds, table);
            ClusterNode other = cluster.nodes().stream().filter(n -> n != promoted && !n.name().equals("n1"))
                    .findFirst().orElseThrow();
            // The master and one of its two replicas die: one replica of two answers, no majority, no promotion.
            other.kill();
            promoted.kill();
            await().atMost(Duration.ofSeconds(20)).until(() -> !events.of(FailoverHeldBack.class).isEmpty());

            promoted.start(); // back with its configuration: read-only on MariaDB, persisted writable on MySQL
            other.start();

            int from = ids.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> ds.writeTarget()
                    .filter(t -> t.equals(HostAndPort.parse(promoted.address()))).isPresent());
            writeSome(ds, table);
            assertThat(serversOf(promoted, table, from)).containsOnly(promoted.serverId());
            assertThat(events.of(MasterPromoted.class)).hasSize(1);
        }
    }

    @Test
    void withNoAutomaticFailoverARestartedMasterIsStillMadeWritable() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, server BIGINT");
        cluster.node("n1").restart();
        // MariaDB's n1 comes back writable per its configuration; make it read-only as the README advises.
        cluster.execute(cluster.node("n1"), readOnlyStatements());
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, new Events())
                .failover(FailoverSettings.builder().strategy(PromotionStrategy.none()).build()).build())) {
            assertThat(ds.writeTarget()).contains(HostAndPort.parse(cluster.node("n1").address()));
            int from = ids.get();
            writeSome(ds, table);
            assertThat(serversOf(cluster.node("n1"), table, from)).containsOnly(cluster.node("n1").serverId());
        }
    }

    private String[] readOnlyStatements() {
        return cluster.query(cluster.node("n1"), "SELECT @@version AS v").get(0).get("v").toString()
                .toLowerCase().contains("mariadb") ? new String[] {"SET GLOBAL read_only = ON"}
                : new String[] {"SET GLOBAL super_read_only = ON"};
    }

    /** Ten writes through {@code ds}, each waiting for a master if need be; every one must be acknowledged. */
    private void writeSome(UnderstudyDataSource ds, String table) {
        for (int i = 0; i < 10; i++) {
            int id = ids.incrementAndGet();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(SQLException.class).until(() -> {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO appdb." + table + " VALUES (" + id + ", @@server_id)");
                    return true;
                }
            });
        }
    }

    /** The servers that executed the rows with ids above {@code from}, as {@code node} has them. */
    private List<Long> serversOf(ClusterNode node, String table, int from) {
        List<Map<String, Object>> rows = cluster.query(node, "SELECT id, server FROM appdb." + table
                + " WHERE id > " + from);
        assertThat(rows).as("every write after the restart is on " + node.name()).hasSize(ids.get() - from);
        return rows.stream().map(r -> ((Number) r.get("server")).longValue()).toList();
    }

    private ClusterNode promotedAfter(Events events, int promotions) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events.of(MasterPromoted.class).size() >= promotions);
        HostAndPort address = events.of(MasterPromoted.class).get(promotions - 1).newMaster();
        return cluster.nodes().stream().filter(n -> n.address().equals(address.toString())).findFirst()
                .orElseThrow();
    }

    /** Stops every running server, then starts them all again, n1 first, each with its configuration file. */
    private void restartEverything() {
        cluster.nodes().parallelStream().filter(ClusterNode::isRunning).forEach(ClusterNode::stop);
        cluster.nodes().forEach(ClusterNode::start);
    }
}
