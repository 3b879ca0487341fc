package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Testcontainers engine (MySQL 8.4 image). Skipped where no Docker engine answers, which includes the
 * machines Understudy is developed and tested on: there, this engine is untested.
 */
class ContainerEngineIT {

    @Test
    void mysql84ClusterComesUpAndReplicates() {
        assumeTrue(ContainerEngine.dockerAvailable(),
                "no Docker engine answers on this machine, so the Testcontainers engine cannot run here");
        try (ReplicationCluster cluster = ReplicationCluster.builder().engine(Engine.testcontainers("mysql:8.4"))
                .replicas(1).name("containers").start()) {
            cluster.execute(cluster.master(), "CREATE TABLE appdb.c (id INT PRIMARY KEY)", "INSERT INTO appdb.c VALUES (1)");
            cluster.awaitReplicasCaughtUp();

            assertThat(cluster.query(cluster.replicas().get(0), "SELECT id FROM appdb.c")).hasSize(1);
            assertThat(cluster.topology().masters()).extracting(NodeReport::node).containsExactly("n1");
        }
    }
}
