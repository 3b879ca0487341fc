package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.Diagnosis;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** With semi-sync, a write acknowledged to the application is on a replica: a failover loses none. */
@WithReplicationCluster(engine = "mariadb", replicas = 2, semiSync = true)
class MariaDbSemiSyncFailoverIT {

    private final ReplicationCluster cluster;

    MariaDbSemiSyncFailoverIT(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void everyAcknowledgedWriteSurvivesAMasterKill() throws Exception {
        cluster.execute(cluster.master(), "CREATE TABLE appdb.acked (id INT PRIMARY KEY)");
        cluster.awaitReplicasCaughtUp();
        Events events = new Events();
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             WriteLoad writes = new WriteLoad(ds, "appdb.acked", 4)) {
            writes.runAtLeast(300);

            cluster.node("n1").kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            writes.runAtLeast(100);
            writes.close();
            Set<Integer> present = Clusters.ids(cluster, Clusters.writeTarget(cluster, ds), "acked");
            assertThat(writes.acknowledged).hasSizeGreaterThan(400);
            assertThat(present).as("acknowledged writes on the new master").containsAll(writes.acknowledged);
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAMasterThatResumesWhileItIsFailedOver() throws Exception {
        cluster.execute(cluster.master(), "CREATE TABLE appdb.resumed (id INT PRIMARY KEY)");
        cluster.awaitReplicasCaughtUp();
        Events events = new Events();
        ClusterNode master = cluster.node("n1");
        try (UnderstudyDataSource ds = new UnderstudyDataSource(failoverConfig(cluster, events).build());
             WriteLoad writes = new WriteLoad(ds, "appdb.resumed", 8)) {
            writes.runAtLeast(300);

            master.pause();
            // A stall that ends just as the failover starts: the receivers reconnect while they are being stopped.
            await().atMost(Duration.ofSeconds(30)).until(() -> events.of(MasterFailureDiagnosed.class).stream()
                    .anyMatch(e -> e.diagnosis() == Diagnosis.DEAD_MASTER));
            master.resume();

            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(MasterPromoted.class).isEmpty());
            writes.runAtLeast(100);
            writes.close();
            ClusterNode newMaster = Clusters.writeTarget(cluster, ds);
            Set<Integer> missing = new HashSet<>(writes.acknowledged);
            missing.removeAll(Clusters.ids(cluster, newMaster, "resumed"));
            assertThat(missing).as("acknowledged writes missing on the new master " + newMaster.name()).isEmpty();
        } finally {
            if (master.isPaused()) {
                master.resume();
            }
        }
    }
}
