package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A master killed under load, on clusters of any size: one promotion, writes resume, reads never stop. */
abstract class FailoverContract {

    final ReplicationCluster cluster;

    FailoverContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    static UnderstudyConfig.Builder failoverConfig(ReplicationCluster cluster, Events events) {
        return config(cluster).listener(events).masterWaitTimeout(Duration.ofSeconds(5))
                .failover(FailoverSettings.builder().minInterval(Duration.ZERO)
                        .replicationCredentials(cluster.replicationUser().user(), cluster.replicationUser().password())
                        .build());
    }

    String newTable() {
        return Clusters.newTable(cluster, "id INT PRIMARY KEY");
    }

    @Test
    void masterKilledUnderLoadIsReplacedOnceAndWritesResume() throws Exception {
        String table = newTable();
        ClusterNode oldMaster = cluster.node("n1");
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             WriteLoad writes = new WriteLoad(ds, table, 2);
             ReadLoad reads = new ReadLoad(ds, 4)) {
            writes.runAtLeast(50);

            oldMaster.kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            java.util.Set<Integer> beforePromotion = new java.util.HashSet<>(writes.acknowledged);
            writes.runAtLeast(100);
            reads.runAtLeast(100);
            writes.close();
            reads.close();

            MasterPromoted promoted = events.of(MasterPromoted.class).get(0);
            assertThat(events.of(MasterPromoted.class)).hasSize(1);
            assertThat(reads.failures).as("failed reads").isEmpty();
            // Writes fail only where the dead master was: never on the new master, while its pool is replaced.
            assertThat(writes.failures).as("failed writes").allSatisfy(e -> assertThat(e.getSQLState())
                    .startsWith("08"));
            ClusterNode newMaster = node(promoted.newMaster());
            assertThat(cluster.topology().masters()).extracting(NodeReport::node).containsExactly(newMaster.name());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (ClusterNode replica : cluster.nodes()) {
                    if (replica != oldMaster && replica != newMaster) {
                        NodeReport report = cluster.topology().node(replica.name());
                        assertThat(report.sourcePort()).as(replica.name()).isEqualTo(newMaster.serverPort());
                        assertThat(report.replicationHealthy()).as(report.toString()).isTrue();
                    }
                }
            });
            // Async replication may lose what the dead master acknowledged last (see the semi-sync test); every
            // write acknowledged after the promotion must be on the new master.
            java.util.Set<Integer> after = new java.util.HashSet<>(writes.acknowledged);
            after.removeAll(beforePromotion);
            assertThat(after).hasSizeGreaterThanOrEqualTo(100);
            assertThat(ids(newMaster, table)).containsAll(after);
        }
    }

    java.util.Set<Integer> ids(ClusterNode node, String table) {
        return Clusters.ids(cluster, node, table);
    }

    ClusterNode node(HostAndPort address) {
        return cluster.nodes().stream().filter(n -> n.address().equals(address.toString())).findFirst().orElseThrow();
    }
}
