package io.github.understudy.it;

import static io.github.understudy.it.FailoverContract.failoverConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.HostAndPort;
import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.UnderstudyEvent;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet: 20 application instances embed Understudy against one cluster (issue 14). One of them promotes, every
 * other follows the promotion without a lock; the returning old master is fenced and rejoined once, by one of them.
 * (How fast they follow is measured by the fleet benchmark, not asserted here.)
 */
abstract class FleetContract {

    private static final int INSTANCES = 20;

    final ReplicationCluster cluster;
    private final List<UnderstudyDataSource> fleet = new ArrayList<>();
    private final List<Events> events = new ArrayList<>();

    FleetContract(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @AfterEach
    void closeFleet() {
        fleet.forEach(UnderstudyDataSource::close);
    }

    @Test
    void aFleetFollowsOnePromotionAndFencesTheOldMasterOnce() throws Exception {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, server BIGINT");
        PoolSettings tiny = PoolSettings.builder().maximumPoolSize(1).minimumIdle(0)
                .connectionTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < INSTANCES; i++) {
            Events heard = new Events();
            events.add(heard);
            fleet.add(new UnderstudyDataSource(failoverConfig(cluster, heard).masterPool(tiny).replicaPool(tiny)
                    .build()));
        }
        ClusterNode old = cluster.node("n1");

        old.kill();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(MasterPromoted.class) >= 1);
        HostAndPort promoted = all(MasterPromoted.class).get(0).newMaster();
        await().atMost(Duration.ofSeconds(30)).until(() -> fleet.stream()
                .allMatch(ds -> ds.writeTarget().equals(Optional.of(promoted))));
        int id = 0;
        for (UnderstudyDataSource ds : fleet) {
            write(ds, table, ++id);
        }
        assertThat(count(MasterPromoted.class)).as("promotions across the fleet").isEqualTo(1);
        assertThat(cluster.query(node(promoted), "SELECT DISTINCT server FROM appdb." + table)).hasSize(1);

        old.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> count(NodeRejoined.class) >= 1);
        Thread.sleep(2_000); // the other instances' next looks at the old master: none may fence or rejoin it again
        assertThat(count(NodeFenced.class)).as("fencings across the fleet").isEqualTo(1);
        assertThat(count(NodeRejoined.class)).as("rejoins across the fleet").isEqualTo(1);
        assertThat(cluster.topology().masters()).hasSize(1);
        Set<Long> epochs = fleet.stream().map(ds -> ds.topology().epoch()).collect(Collectors.toSet());
        assertThat(epochs).as("every instance at the same epoch").hasSize(1);
    }

    private void write(UnderstudyDataSource ds, String table, int id) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO appdb." + table + " VALUES (" + id + ", @@server_id)");
        }
    }

    private <T extends UnderstudyEvent> List<T> all(Class<T> type) {
        return events.stream().flatMap(e -> e.of(type).stream()).toList();
    }

    private int count(Class<? extends UnderstudyEvent> type) {
        return all(type).size();
    }

    private ClusterNode node(HostAndPort address) {
        return cluster.nodes().stream().filter(n -> n.address().equals(address.toString())).findFirst()
                .orElseThrow();
    }
}
