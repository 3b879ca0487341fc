package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class SemiSyncClusterIT {

    @Test
    void mariaDbMasterWaitsForReplicaAcknowledgements() {
        try (ReplicationCluster cluster = ReplicationCluster.builder().engine(Engine.mariadb()).replicas(2)
                .semiSync(true).name("semisync").start()) {
            cluster.execute(cluster.master(), "CREATE TABLE appdb.s (id INT PRIMARY KEY)",
                    "INSERT INTO appdb.s VALUES (1)");

            Map<String, Object> status = cluster.query(cluster.master(), "SHOW STATUS LIKE 'Rpl_semi_sync_master_%'")
                    .stream().collect(Collectors.toMap(r -> r.get("Variable_name").toString(), r -> r.get("Value")));
            assertThat(status.get("Rpl_semi_sync_master_status")).isEqualTo("ON");
            assertThat(status.get("Rpl_semi_sync_master_clients")).isEqualTo("2");
            assertThat(Long.parseLong(status.get("Rpl_semi_sync_master_yes_tx").toString())).isPositive();
        }
    }

    @Test
    void mySqlTarballSaysItHasNoSemiSync() {
        assertThatThrownBy(() -> ReplicationCluster.builder().engine(Engine.mysql()).replicas(1).semiSync(true).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("semiSync needs a server with the semi-sync plugin, but mysql (MYSQL 8.0.15)");
    }
}
