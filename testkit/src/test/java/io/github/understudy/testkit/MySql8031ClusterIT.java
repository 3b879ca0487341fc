package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.testkit.junit.WithReplicationCluster;

import org.junit.jupiter.api.Test;

/** MySQL 8.0.31, the first build here that speaks the REPLICA/SOURCE words (the only ones 8.4 accepts). */
@WithReplicationCluster(engine = "mysql:8.0.31", replicas = 2)
class MySql8031ClusterIT extends ReplicationClusterContract {

    private final ReplicationCluster cluster;

    MySql8031ClusterIT(ReplicationCluster cluster) {
        super(cluster);
        this.cluster = cluster;
    }

    @Test
    void runsMySql8031WithTheReplicaWords() {
        assertThat(cluster.query(cluster.master(), "SELECT VERSION() AS v").get(0).get("v")).isEqualTo("8.0.31");
        assertThat(cluster.sql().status()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(cluster.query(cluster.replicas().get(0), "SHOW REPLICA STATUS").get(0))
                .containsEntry("Replica_IO_Running", "Yes").containsEntry("Source_Port",
                        (long) cluster.master().serverPort());
    }
}
