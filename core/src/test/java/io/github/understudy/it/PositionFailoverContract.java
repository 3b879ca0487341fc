package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.HostAndPort;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.RepointResult;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failover of a cluster that replicates by binary log coordinates, not GTIDs (issue 12: the seed's own set-up;
 * MySQL {@code gtid_mode=OFF}, MariaDB {@code MASTER_USE_GTID=no}). The writers pause while the master is killed
 * (asynchronous replication can lose what a master acknowledged last; the subject here is the choice and the
 * repointing), then every acknowledged write must be on the final master and every replicating node hold exactly
 * what it holds.
 */
abstract class PositionFailoverContract {

    final ReplicationCluster cluster;

    /** Scenarios of the running test: closed after it even when it failed, so none repairs the next test's cluster. */
    private final List<Scenario> scenarios = new ArrayList<>();

    PositionFailoverContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @AfterEach
    void closeScenarios() throws Exception {
        for (Scenario scenario : scenarios) {
            scenario.close();
        }
    }

    @Test
    void replicasAtIdenticalCoordinatesAreRepointedByThem() throws Exception {
        Scenario run = new Scenario();
        run.load(100);

        run.killMaster();

        run.writeOnNewMaster(100);
        ClusterNode promoted = run.promoted();
        assertThat(run.events.of(ReplicasRepointed.class).get(0).results().values())
                .allMatch(RepointResult::replicating);
        run.assertEverythingOn(promoted);
        run.assertSameContent(promoted, cluster.nodes().stream().filter(n -> n != promoted
                && !n.name().equals("n1")).toList().get(0));
        run.close();
    }

    @Test
    void aReplicaWhoseApplierIsStoppedIsNeverPreferredAndCatchesUpExactly() throws Exception {
        ClusterNode stopped = cluster.node("n2");
        Scenario run = new Scenario();
        run.load(20);
        stopped.stopApplier();
        run.load(100);

        run.killMaster();

        run.writeOnNewMaster(100);
        assertThat(run.promoted()).isEqualTo(cluster.node("n3"));
        assertThat(run.events.of(MasterPromoted.class).get(0).rejected()).filteredOn(r -> r.node().equals(address(stopped)))
                .extracting(RejectedCandidate::reason).containsExactly(RejectedCandidate.Reason.RELAY_LOG_NOT_APPLIED);
        assertThat(run.repointed(stopped)).isEqualTo(RepointResult.REPLICATING);
        stopped.startApplier(); // the operator's stop was kept; it resumes
        run.assertEverythingOn(cluster.node("n3"));
        run.assertSameContent(cluster.node("n3"), stopped);
        run.close();
    }

    @Test
    void aDelayedReplicaAppliesExactlyToThePromotionPointAndKeepsItsDelay() throws Exception {
        ClusterNode delayed = cluster.node("n2");
        Scenario run = new Scenario();
        run.load(20);
        delayed.delayReplication(Duration.ofSeconds(60));
        run.load(100);

        run.killMaster();

        run.writeOnNewMaster(100);
        assertThat(run.promoted()).isEqualTo(cluster.node("n3"));
        assertThat(run.repointed(delayed)).isEqualTo(RepointResult.REPLICATING);
        assertThat(cluster.query(delayed, cluster.flavor() == Flavor.MYSQL && !cluster.version().startsWith("8.0.1")
                ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS").get(0).get("SQL_Delay").toString()).isEqualTo("60");
        delayed.delayReplication(Duration.ZERO);
        run.assertEverythingOn(cluster.node("n3"));
        run.assertSameContent(cluster.node("n3"), delayed);
        run.close();
    }

    @Test
    void aReplicaWhoseReceiverLostTheLastEventsIsRepointedOnlyIfProvable() throws Exception {
        ClusterNode lost = cluster.node("n2");
        Scenario run = new Scenario();
        run.load(20);
        cluster.execute(lost, "STOP SLAVE IO_THREAD");
        run.load(100);

        run.killMaster();

        run.writeOnNewMaster(100);
        assertThat(run.promoted()).isEqualTo(cluster.node("n3"));
        RepointResult result = run.repointed(lost);
        run.assertEverythingOn(cluster.node("n3"));
        if (cluster.flavor() == Flavor.MARIADB) {
            // MariaDB writes GTIDs into every binary log: the replica catches up by them, provably.
            assertThat(result).isEqualTo(RepointResult.REPLICATING);
            run.assertSameContent(cluster.node("n3"), lost);
        } else {
            // MySQL without GTIDs: what it lacks cannot be placed in the new master's binary log.
            assertThat(result.outcome()).isEqualTo(RepointResult.Outcome.REFUSED);
            assertThat(result.detail()).contains("mysql-bin.");
        }
        run.close();
    }

    @Test
    void theOldMasterRejoinsByCoordinatesUnlessItWroteAfterThePromotionPoint() throws Exception {
        Scenario run = new Scenario();
        run.load(100);

        run.killMaster();
        run.writeOnNewMaster(50);
        cluster.node("n1").start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !run.events.of(NodeRejoined.class).isEmpty());
        run.writeOnNewMaster(50);
        run.assertSameContent(run.promoted(), cluster.node("n1"));
        run.close();
    }

    @Test
    void aHungMasterIsReplacedByCoordinatesAndRejoinsOnceItWakes() throws Exception {
        Scenario run = new Scenario();
        run.load(100);
        ClusterNode hung = cluster.node("n1");

        run.writes.pause();
        run.awaitReceived();
        hung.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !run.events.of(MasterPromoted.class).isEmpty());
            run.writes.resume();
            run.writeOnNewMaster(100);
            run.assertEverythingOn(run.promoted());
        } finally {
            hung.resume();
        }

        // It wrote nothing after the promotion point: fenced when it answers again, then rejoined by coordinates.
        await().atMost(Duration.ofSeconds(30)).until(() -> !run.events.of(NodeRejoined.class).isEmpty());
        assertThat(run.events.of(RejoinRefused.class)).isEmpty();
        run.writeOnNewMaster(50);
        run.assertSameContent(run.promoted(), hung);
        run.close();
    }

    @Test
    void anOldMasterThatWroteWhatNobodyReceivedIsRefusedWithItsCoordinates() throws Exception {
        Scenario run = new Scenario();
        run.load(100);
        run.writes.pause();
        cluster.awaitReplicasCaughtUp();
        // The replicas stop receiving; the master commits one more transaction, then dies.
        cluster.nodes().subList(1, 3).forEach(n -> cluster.execute(n, "STOP SLAVE IO_THREAD"));
        cluster.execute(cluster.node("n1"), "INSERT INTO appdb." + run.table + " VALUES (999999)");
        cluster.node("n1").kill();
        run.writes.resume();

        run.writeOnNewMaster(50);
        cluster.node("n1").start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !run.events.of(RejoinRefused.class).isEmpty());
        RejoinRefused refused = run.events.of(RejoinRefused.class).get(0);
        if (cluster.flavor() == Flavor.MARIADB) {
            assertThat(refused.errantGtids()).as("MariaDB: by GTID").isNotEmpty();
        } else {
            assertThat(refused.reason()).as("MySQL: by coordinates").contains("wrote transactions after mysql-bin.");
        }
        assertThat(run.events.of(NodeRejoined.class)).isEmpty();
        run.close();
    }

    @Test
    void aSwitchoverWithoutGtids() throws Exception {
        Scenario run = new Scenario();
        run.load(100);

        run.ds.switchover(cluster.node("n2").address());

        run.load(100);
        run.writes.close();
        run.assertEverythingOn(cluster.node("n2"));
        run.assertSameContent(cluster.node("n2"), cluster.node("n1"));
        run.assertSameContent(cluster.node("n2"), cluster.node("n3"));
        run.close();
    }

    private static HostAndPort address(ClusterNode node) {
        return HostAndPort.parse(node.address());
    }

    /** A DataSource, a table and writers on it. */
    private final class Scenario {
        final Events events = new Events();
        final UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
        final String table = Clusters.newTable(cluster, "id INT PRIMARY KEY");
        final WriteLoad writes = new WriteLoad(ds, table, 2);
        private boolean closed;

        Scenario() {
            scenarios.add(this);
        }

        void load(int more) {
            writes.runAtLeast(more);
        }

        /** Pauses the writers, lets the running appliers catch up, kills n1, resumes. */
        void killMaster() {
            writes.pause();
            awaitReceived();
            cluster.node("n1").kill();
            writes.resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
        }

        /** Waits until every replica has received what the master wrote (or applied it, if it does not receive). */
        void awaitReceived() {
            for (ClusterNode node : cluster.nodes().subList(1, cluster.nodes().size())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> received(node));
            }
        }

        /** Whether the node has received everything the master wrote, or applied it if it does not receive. */
        private boolean received(ClusterNode node) {
            Map<String, Object> master = cluster.query(cluster.node("n1"), "SHOW MASTER STATUS").get(0);
            NodeReport report = cluster.topology().node(node.name());
            Map<String, Object> status = cluster.query(node, cluster.flavor() == Flavor.MYSQL
                    && !cluster.version().startsWith("8.0.1") ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS").get(0);
            String readColumn = status.containsKey("Read_Source_Log_Pos") ? "Read_Source_Log_Pos"
                    : "Read_Master_Log_Pos";
            boolean receiving = !"No".equals(String.valueOf(status.getOrDefault("Replica_IO_Running",
                    status.get("Slave_IO_Running"))));
            return !receiving || report.running() && String.valueOf(status.get(readColumn))
                    .equals(String.valueOf(master.get("Position")));
        }

        void writeOnNewMaster(int more) {
            writes.runAtLeast(more);
        }

        ClusterNode promoted() {
            String address = events.of(MasterPromoted.class).get(0).newMaster().toString();
            return cluster.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
        }

        RepointResult repointed(ClusterNode node) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(ReplicasRepointed.class).isEmpty());
            return events.of(ReplicasRepointed.class).get(0).results().get(address(node));
        }

        /** Every write acknowledged so far is on the master (taken before reading it: the writers may still run). */
        void assertEverythingOn(ClusterNode master) {
            Set<Integer> acknowledged = Set.copyOf(writes.acknowledged);
            Set<Integer> held = Clusters.ids(cluster, master, table);
            assertThat(held).as("acknowledged writes on " + master.name()).containsAll(acknowledged);
        }

        /**
         * Both hold exactly the same rows, once the replica has applied what the master has. Pauses the writers
         * first: under a running load a replica is always some rows behind and two checksums never meet.
         */
        void assertSameContent(ClusterNode master, ClusterNode replica) {
            writes.pause();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(checksum(replica))
                    .as(replica.name() + " holds what " + master.name() + " holds").isEqualTo(checksum(master)));
        }

        private String checksum(ClusterNode node) {
            return String.valueOf(cluster.query(node, "SELECT COUNT(*) AS n, COALESCE(SUM(id), 0) AS s, "
                    + "COALESCE(BIT_XOR(CRC32(id)), 0) AS x FROM appdb." + table).get(0));
        }

        void close() throws Exception {
            if (!closed) {
                closed = true;
                writes.close();
                ds.close();
            }
        }
    }
}
