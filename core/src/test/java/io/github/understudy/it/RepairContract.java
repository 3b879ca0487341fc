package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** On 1+3: a replica that could not be repointed during a failover is repointed once it answers again. */
abstract class RepairContract {

    final ReplicationCluster cluster;

    RepairContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    private ClusterNode node(io.github.understudy.HostAndPort address) {
        return cluster.nodes().stream().filter(n -> n.address().equals(address.toString())).findFirst().orElseThrow();
    }

    @Test
    void aReplicaUnreachableDuringTheFailoverIsRepointedWhenItComesBack() {
        Events events = new Events();
        ClusterNode cutOff = cluster.node("n4");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build())) {
            cutOff.cutFromApplication();
            cluster.node("n1").kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            ClusterNode newMaster = node(events.of(MasterPromoted.class).get(0).newMaster());
            assertThat(cluster.topology().node("n4").sourcePort()).as("still on the dead master")
                    .isEqualTo(cluster.node("n1").serverPort());

            cutOff.healNetwork();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                NodeReport report = cluster.topology().node("n4");
                assertThat(report.sourcePort()).isEqualTo(newMaster.serverPort());
                assertThat(report.replicationHealthy()).as(report.toString()).isTrue();
            });
        }
    }

}
