package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.HostAndPort;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.RejoinRefused;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Repeated failovers with restarts (issue 21): each round kills the current master under load and starts it again
 * with its configuration file. Every round must promote a node that has everything, every killed node must rejoin
 * (or be refused, saying why), and at the end every acknowledged write is on the final master and every replica
 * holds what it holds.
 */
abstract class RoundsContract {

    private static final int ROUNDS = 5;

    final ReplicationCluster cluster;

    RoundsContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Whether replication acknowledges writes only once a replica has them (semi-sync). Asynchronous replication
     * can lose what a killed master acknowledged last, and the killed node then holds transactions nobody else has
     * (it is refused, rightly): there the writers pause while the master is killed.
     */
    abstract boolean lossless();

    @Test
    void fiveKillAndRestartRoundsUnderLoadLoseNothing() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY");
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             WriteLoad writes = new WriteLoad(ds, table, 8)) {
            writes.runAtLeast(100);
            for (int round = 1; round <= ROUNDS; round++) {
                ClusterNode master = Clusters.writeTarget(cluster, ds);
                int rejoins = settled(events);
                if (!lossless()) {
                    writes.pause();
                    cluster.awaitReplicasCaughtUp();
                }
                master.kill();
                writes.resume();
                int promotions = round;
                await().atMost(Duration.ofSeconds(30)).until(() -> events.of(MasterPromoted.class).size() >= promotions);
                writes.runAtLeast(100);
                master.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> settled(events) > rejoins);
                assertThat(events.of(RejoinRefused.class)).as("round " + round).isEmpty();
            }
            writes.runAtLeast(100);
            writes.close();

            ClusterNode last = Clusters.writeTarget(cluster, ds);
            Set<Integer> held = Clusters.ids(cluster, last, table);
            assertThat(held).as("acknowledged writes on the final master").containsAll(writes.acknowledged);
            cluster.awaitReplicasCaughtUp();
            String checksum = checksum(last, table);
            for (ClusterNode node : cluster.nodes()) {
                assertThat(checksum(node, table)).as(node.name() + " holds what " + last.name() + " holds")
                        .isEqualTo(checksum);
            }
            assertThat(cluster.topology().masters()).hasSize(1);
        }
    }

    @Test
    void aReplicaThatStoppedReplicatingLongBeforeIsNeverPromoted() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY");
        Events events = new Events();
        ClusterNode stale = cluster.node("n2");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             WriteLoad writes = new WriteLoad(ds, table, 2)) {
            writes.runAtLeast(20);
            cluster.execute(stale, "STOP SLAVE IO_THREAD");
            writes.runAtLeast(100);
            Thread.sleep(3_000); // well past the probe interval and timeout: stale, not lost in the failure
            cluster.node("n1").kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            writes.close();

            MasterPromoted promoted = events.of(MasterPromoted.class).get(0);
            assertThat(promoted.newMaster()).isEqualTo(HostAndPort.parse(cluster.node("n3").address()));
            assertThat(promoted.rejected()).filteredOn(r -> r.node().equals(HostAndPort.parse(stale.address())))
                    .extracting(RejectedCandidate::reason)
                    .containsExactly(RejectedCandidate.Reason.NOT_REPLICATING_FROM_MASTER);
        }
    }

    /** How many killed nodes have rejoined or been refused so far. */
    private static int settled(Events events) {
        return events.of(NodeRejoined.class).size() + events.of(RejoinRefused.class).size();
    }

    /** The sorted ids, as one string: equal only when both nodes hold exactly the same rows. */
    private String checksum(ClusterNode node, String table) {
        return String.valueOf(cluster.query(node, "SELECT COUNT(*) AS n, COALESCE(SUM(id), 0) AS s, "
                + "COALESCE(BIT_XOR(CRC32(id)), 0) AS x FROM appdb." + table).get(0));
    }
}
