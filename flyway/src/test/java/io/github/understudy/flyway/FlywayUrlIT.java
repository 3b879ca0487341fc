package io.github.understudy.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.jdbc.UnderstudyDriver;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flyway's Java API migrates a real cluster through a jdbc:understudy: URL, as its CLI and plugins do. */
@WithReplicationCluster(engine = "mariadb", replicas = 2)
class FlywayUrlIT {

    private final ReplicationCluster cluster;

    FlywayUrlIT(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @AfterEach
    void closeInstances() {
        UnderstudyDriver.closeAll();
    }

    @Test
    void migratesOnTheMasterOnceAndTheReplicasFollow() {
        String url = "jdbc:understudy:mariadb://" + String.join(",", cluster.addresses()) + "/" + cluster.database()
                + "?name=flyway&probe-interval=200ms";
        Flyway flyway = Flyway.configure()
                .dataSource(url, cluster.applicationUser().user(), cluster.applicationUser().password())
                .jdbcProperties(Map.of("admin.username", cluster.adminUser().user(),
                        "admin.password", cluster.adminUser().password()))
                .locations("classpath:db/understudy")
                .load();

        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);

        cluster.awaitReplicasCaughtUp();
        for (ClusterNode node : cluster.nodes()) {
            assertThat(cluster.query(node, "SELECT item FROM appdb.driver_orders")).as(node.name())
                    .containsExactly(Map.of("item", "book"));
        }
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
    }
}
