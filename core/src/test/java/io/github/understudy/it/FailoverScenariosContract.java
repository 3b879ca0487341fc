package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.understudy.Diagnosis;
import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.NoAvailableNodeException;
import io.github.understudy.NodeState;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.FailoverHeldBack;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Failover on a 1+2 cluster: hangs, partitions, races between instances, returning masters, switchover. */
abstract class FailoverScenariosContract extends FailoverContract {

    FailoverScenariosContract(ReplicationCluster cluster) {
        super(cluster);
    }

    @Test
    void hungMasterIsReplacedAndWritesStuckOnItFailInsteadOfBeingAcknowledgedLater() throws Exception {
        String table = newTable();
        Events events = new Events();
        ClusterNode master = cluster.node("n1");
        String name;
        // A long socket timeout: only the promotion can end a write stuck on the hung master.
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events)
                .socketTimeout(Duration.ofSeconds(120)).build());
             Connection autoCommit = ds.getConnection();
             Connection transaction = ds.getConnection()) {
            name = ds.name();
            insert(autoCommit, table, 1);
            transaction.setAutoCommit(false);
            insert(transaction, table, 2);
            cluster.awaitReplicasCaughtUp();
            master.pause();
            CompletableFuture<Object> stuck = new CompletableFuture<>();
            Thread writer = new Thread(() -> {
                try {
                    insert(autoCommit, table, 3);
                    stuck.complete("acknowledged by server " + Clusters.serverId(autoCommit));
                } catch (SQLException e) {
                    stuck.complete(e);
                }
            }, "stuck-writer");
            writer.setDaemon(true);
            writer.start();
            // The write must be on the wire to the paused master before the promotion: one that starts after it
            // fails on its aborted connection, which proves nothing about a write in flight.
            await().atMost(Duration.ofSeconds(2)).until(() -> stuck.isDone() || waitingForTheServer(writer));
            assertThat(stuck).as("a write to the paused master").isNotDone();
            assertThat(events.of(MasterPromoted.class)).as("promoted before the write reached the master").isEmpty();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            assertThat(ds.writeTarget()).isPresent().get().isNotEqualTo(HostAndPort.parse(master.address()));
            // The old master is still paused: the promotion itself ended the stuck write, as a failure.
            assertThat(stuck.get(10, TimeUnit.SECONDS)).isInstanceOf(SQLException.class);
            // The open transaction is gone with its connection: it fails until rolled back, never goes on elsewhere.
            assertThatThrownBy(() -> insert(transaction, table, 4)).isInstanceOf(SQLException.class);
            assertThatThrownBy(transaction::commit).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
            transaction.rollback();
            insert(transaction, table, 5);
            transaction.commit();

            ClusterNode newMaster = node(events.of(MasterPromoted.class).get(0).newMaster());
            try (Connection root = cluster.openDirect(newMaster, Duration.ofSeconds(10))) {
                AtomicInteger ids = new AtomicInteger(100);
                // Its pool was reopened as a master's: a write borrows a writable connection, with no SET (once
                // the new pool has opened its connections, which set their session once).
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Map<String, Long> before = Clusters.counters(root);
                    for (int i = 0; i < 20; i++) {
                        try (Connection c = ds.getConnection()) {
                            insert(c, table, ids.incrementAndGet());
                        }
                    }
                    assertThat(Clusters.delta(before, Clusters.counters(root))).containsEntry("Com_insert", 20L)
                            .containsEntry("Com_set_option", 0L);
                });
                assertThat(Clusters.value(root, "SELECT GROUP_CONCAT(id ORDER BY id) FROM appdb." + table
                        + " WHERE id < 100")).isEqualTo("1,5");
            }
        } finally {
            master.resume();
        }
        // The pools replaced at the promotion were closed too.
        await().untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.isAlive()
                && t.getName().startsWith(name + "-")).isEmpty());
    }

    /** Whether {@code thread} is blocked reading a server's answer. */
    private static boolean waitingForTheServer(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("com.mysql.cj.protocol")
                        && frame.getMethodName().startsWith("read"));
    }

    private static void insert(Connection connection, String table, int id) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO appdb." + table + " VALUES (" + id + ")");
        }
    }

    @Test
    void masterCutFromTheApplicationOnlyIsNotFailedOver() throws SQLException {
        Events events = new Events();
        ClusterNode master = cluster.node("n1");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events)
                .masterWaitTimeout(Duration.ofMillis(500)).build())) {
            master.cutFromApplication();

            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(MasterFailureDiagnosed.class).stream()
                    .anyMatch(e -> e.diagnosis() == Diagnosis.UNREACHABLE_MASTER));
            try (Connection c = ds.getConnection()) {
                assertThatThrownBy(() -> Clusters.serverId(c)).isInstanceOf(NoAvailableNodeException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
            }
            assertThat(Clusters.readServerId(ds)).isIn(cluster.node("n2").serverId(), cluster.node("n3").serverId());
            assertThat(events.of(MasterPromoted.class)).isEmpty();
            assertThat(cluster.topology().masters()).hasSize(1);
        }
    }

    @Test
    void threeInstancesRacingPromoteExactlyOnceAndAgreeOnTheNewMaster() throws Exception {
        Events events = new Events();
        List<UnderstudyDataSource> instances = List.of(
                new UnderstudyDataSource(failoverConfig(cluster, events).build()),
                new UnderstudyDataSource(failoverConfig(cluster, events).build()),
                new UnderstudyDataSource(failoverConfig(cluster, events).build()));
        try {
            cluster.node("n1").kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> instances.stream()
                    .map(UnderstudyDataSource::writeTarget).distinct().count() == 1
                    && instances.get(0).writeTarget().isPresent()
                    && !instances.get(0).writeTarget().get().toString().equals(cluster.node("n1").address()));
            assertThat(events.of(MasterPromoted.class)).hasSize(1);
            for (UnderstudyDataSource ds : instances) {
                try (Connection c = ds.getConnection()) {
                    assertThat(Clusters.serverId(c)).isEqualTo(node(ds.writeTarget().get()).serverId());
                }
            }
        } finally {
            instances.forEach(UnderstudyDataSource::close);
        }
    }

    @Test
    void returningOldMasterIsFencedBeforeAnyWriteAndRejoined() throws Exception {
        String table = newTable();
        Events events = new Events();
        ClusterNode oldMaster = cluster.node("n1");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            String ownBefore = ownTransactions(oldMaster);
            oldMaster.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            try (WriteLoad writes = new WriteLoad(ds, "appdb." + table, 2)) {
                writes.runAtLeast(20);

                oldMaster.start(); // back writable, as its configuration says, while writes keep coming
                await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(NodeRejoined.class).isEmpty());
                writes.runAtLeast(20);
                writes.close();

                assertThat(events.of(NodeFenced.class)).extracting(NodeFenced::node)
                        .containsExactly(HostAndPort.parse(oldMaster.address()));
                assertThat(ownTransactions(oldMaster)).as("transactions the old master wrote itself")
                        .isEqualTo(ownBefore);
                assertThat(cluster.topology().node("n1").readOnly()).isTrue();
                assertThat(cluster.topology().node("n1").replicationHealthy()).isTrue();
                if (cluster.flavor() == Flavor.MARIADB) {
                    // It never replicated, so it gets the replicas' heartbeat period as the probes saw it (MySQL
                    // shows it only at a diagnosis, and the receivers of a killed master are not asked).
                    assertThat(Clusters.heartbeatPeriod(cluster, oldMaster)).isEqualByComparingTo("0.25");
                }
                cluster.awaitReplicasCaughtUp();
                assertThat(ids(oldMaster, table)).containsAll(writes.acknowledged);
            }
        }
    }

    /** The transactions a node originated itself (its own server id / UUID in its GTIDs), as text. */
    private String ownTransactions(ClusterNode node) {
        if (cluster.flavor() == Flavor.MARIADB) {
            String state = (String) cluster.query(node, "SELECT @@gtid_binlog_state AS s").get(0).get("s");
            return java.util.Arrays.stream(state.split(",")).filter(g -> g.split("-")[1]
                    .equals(Long.toString(node.serverId()))).findFirst().orElse("");
        }
        String uuid = (String) cluster.query(node, "SELECT @@server_uuid AS u").get(0).get("u");
        String executed = ((String) cluster.query(node, "SELECT @@gtid_executed AS g").get(0).get("g"))
                .replace("\n", "");
        return java.util.Arrays.stream(executed.split(",")).filter(g -> g.startsWith(uuid)).findFirst().orElse("");
    }

    @Test
    void oldMasterWithAnErrantTransactionStaysFencedAndIsReported() {
        String table = newTable();
        Events events = new Events();
        ClusterNode oldMaster = cluster.node("n1");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            // A write only the master gets, as when it dies before shipping its last acknowledged transaction.
            cluster.replicas().forEach(r -> cluster.execute(r, "STOP SLAVE IO_THREAD"));
            cluster.execute(oldMaster, "INSERT INTO appdb." + table + " VALUES (666)");
            oldMaster.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());

            oldMaster.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(RejoinRefused.class).isEmpty());
            RejoinRefused refused = events.of(RejoinRefused.class).get(0);
            assertThat(refused.errantGtids()).isNotEmpty();
            assertThat(refused.reason()).contains("transactions the master");
            assertThat(ds.topology().node(HostAndPort.parse(oldMaster.address())).orElseThrow().state())
                    .isEqualTo(NodeState.FENCED);
            assertThat(cluster.topology().node("n1").readOnly()).isTrue();
            assertThat(events.of(NodeRejoined.class)).isEmpty();
        }
    }

    @Test
    void hungMasterIsConfirmedByItsReplicasSilenceWhileTheirReceiversStillShowConnected() throws Exception {
        Events events = new Events();
        ClusterNode master = cluster.node("n1");
        for (ClusterNode replica : cluster.replicas()) {
            // Receivers that wait a minute before giving up on a silent source (the servers' default): only the
            // missing heartbeats can tell that the master hangs, well within the 30 s awaited below.
            cluster.execute(replica, "SET GLOBAL slave_net_timeout = 60", "STOP SLAVE IO_THREAD",
                    "START SLAVE IO_THREAD");
        }
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            master.pause();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            assertThat(events.of(MasterFailureDiagnosed.class)).filteredOn(e -> e.diagnosis() == Diagnosis.DEAD_MASTER)
                    .first().extracting(MasterFailureDiagnosed::detail).asString()
                    .contains("IO thread Yes, heard nothing from its source for").contains("(heartbeat every 0.25 s)");
            // The repointed replica keeps its heartbeat period: a CHANGE MASTER TO naming a new host without one
            // resets it to half of slave_net_timeout (30 s here), and the next hang would take half a minute.
            ClusterNode promoted = node(events.of(MasterPromoted.class).get(0).newMaster());
            ClusterNode other = promoted == cluster.node("n2") ? cluster.node("n3") : cluster.node("n2");
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(ReplicasRepointed.class).isEmpty());
            assertThat(events.of(ReplicasRepointed.class).get(0).results()).containsKey(
                    HostAndPort.parse(other.address()));
            assertThat(Clusters.heartbeatPeriod(cluster, other)).isEqualByComparingTo("0.25");
        } finally {
            master.resume();
        }
    }

    @Test
    void slowMasterIsNotFailedOver() throws SQLException {
        String table = newTable();
        Events events = new Events();
        ClusterNode master = cluster.node("n1");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             Connection c = ds.getConnection()) {
            insert(c, table, 1); // its connections opened (a TLS handshake at 800 ms a round trip takes seconds)
            // 400 ms each way: every answer takes 800 ms, under the 1 s probe timeout.
            master.addLatency(Duration.ofMillis(400));

            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() ->
                    events.of(MasterPromoted.class).isEmpty() && events.of(MasterFailureDiagnosed.class).stream()
                            .noneMatch(e -> e.diagnosis() == Diagnosis.DEAD_MASTER));
            insert(c, table, 2);
            assertThat(Clusters.serverId(c)).isEqualTo(master.serverId());
        } finally {
            master.healNetwork();
        }
    }

    @Test
    void noPromotionWithoutAMajorityOfReplicas() {
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            // Another instance that sees only n2 must not promote it while this one might see only n3.
            cluster.node("n3").kill();
            cluster.node("n1").kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(FailoverHeldBack.class).isEmpty());
            assertThat(events.of(FailoverHeldBack.class).get(0).reason())
                    .contains("only 1 of 2 replicas answer; a promotion needs the failover lock on a majority (2)");
            assertThat(events.of(MasterPromoted.class)).isEmpty();
            assertThat(ds.writeTarget()).isEmpty();
        }
    }

    @Test
    void antiFlappingHoldsASecondFailover() {
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events)
                .failover(FailoverSettings.builder().minInterval(Duration.ofMinutes(10)).build()).build())) {
            cluster.node("n1").kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> ds.writeTarget().isPresent()
                    && !events.of(MasterPromoted.class).isEmpty());
            node(ds.writeTarget().orElseThrow()).kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(FailoverHeldBack.class).isEmpty());
            assertThat(events.of(FailoverHeldBack.class).get(0).reason()).contains("failover.minInterval");
            assertThat(events.of(MasterPromoted.class)).hasSize(1);
        }
    }

    @Test
    void switchoverMovesTheMasterWithoutFailingWrites() throws Exception {
        String table = newTable();
        Events events = new Events();
        ClusterNode target = cluster.node("n2");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             WriteLoad writes = new WriteLoad(ds, "appdb." + table, 2)) {
            writes.runAtLeast(50);

            ds.switchover(target.address());

            writes.runAtLeast(50);
            writes.close();
            assertThat(writes.failures).as("failed writes").isEmpty();
            assertThat(ds.writeTarget()).contains(HostAndPort.parse(target.address()));
            assertThat(cluster.topology().masters()).extracting(r -> r.node()).containsExactly("n2");
            assertThat(cluster.topology().node("n1").replicationHealthy()).isTrue();
            cluster.awaitReplicasCaughtUp();
            assertThat(ids(target, table)).containsAll(writes.acknowledged);
        }
    }

    @Test
    void withoutAutomaticFailoverWritesFailTypedAndFollowAnOperatorsPromotion() throws SQLException {
        ClusterNode promoted = cluster.node("n2");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, new Events())
                .masterWaitTimeout(Duration.ofMillis(500))
                .failover(FailoverSettings.builder().strategy(PromotionStrategy.none()).build()).build())) {
            cluster.node("n1").kill();
            await().until(() -> ds.writeTarget().isEmpty());
            try (Connection c = ds.getConnection()) {
                assertThatThrownBy(() -> Clusters.serverId(c)).isInstanceOf(NoAvailableNodeException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
            }

            cluster.execute(promoted, "STOP SLAVE", "RESET SLAVE ALL");
            if (cluster.flavor() == Flavor.MYSQL) {
                cluster.execute(promoted, "SET GLOBAL super_read_only = OFF");
            }
            cluster.execute(promoted, "SET GLOBAL read_only = OFF");

            await().atMost(Duration.ofSeconds(10)).until(() -> ds.writeTarget()
                    .equals(Optional.of(HostAndPort.parse(promoted.address()))));
            try (Connection c = ds.getConnection()) {
                assertThat(Clusters.serverId(c)).isEqualTo(promoted.serverId());
            }
        }
    }
}
