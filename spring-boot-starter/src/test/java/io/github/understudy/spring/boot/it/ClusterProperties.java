package io.github.understudy.spring.boot.it;

import static org.awaitility.Awaitility.await;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The understudy.* properties for a testkit cluster, and small helpers shared by the integration tests. */
public final class ClusterProperties {

    private ClusterProperties() {
    }

    /** Fast probes and short timeouts, so that tests see state changes within a second or two. */
    public static String[] of(ReplicationCluster cluster, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "understudy.hosts=" + String.join(",", cluster.addresses()),
                "understudy.database=" + cluster.database(),
                "understudy.username=" + cluster.applicationUser().user(),
                "understudy.password=" + cluster.applicationUser().password(),
                "understudy.admin.username=" + cluster.adminUser().user(),
                "understudy.admin.password=" + cluster.adminUser().password(),
                "understudy.probe-interval=200ms", "understudy.probe-timeout=800ms",
                "understudy.socket-timeout=3s", "understudy.master-wait-timeout=500ms",
                "understudy.pool.master.maximum-pool-size=4", "understudy.pool.master.minimum-idle=1",
                "understudy.pool.replica.maximum-pool-size=4", "understudy.pool.replica.minimum-idle=1"));
        properties.addAll(Arrays.asList(extra));
        return properties.toArray(String[]::new);
    }

    /** Waits until the DataSource's monitor has every replica serving reads. */
    public static void awaitAllReplicasHealthy(UnderstudyDataSource dataSource, ReplicationCluster cluster) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> dataSource.topology().healthyReplicas().size() == cluster.nodes().size() - 1);
    }

    /** {@return the server id of n1, the master of a cluster as the testkit starts it} */
    public static long masterId(ReplicationCluster cluster) {
        return cluster.node("n1").serverId();
    }

    /** {@return the server ids of every node but n1} */
    public static Set<Long> replicaIds(ReplicationCluster cluster) {
        return cluster.nodes().stream().filter(n -> !n.name().equals("n1")).map(ClusterNode::serverId)
                .collect(Collectors.toSet());
    }
}
