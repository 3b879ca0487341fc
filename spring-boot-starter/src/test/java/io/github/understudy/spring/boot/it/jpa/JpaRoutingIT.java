package io.github.understudy.spring.boot.it.jpa;

import static io.github.understudy.spring.boot.it.ClusterProperties.masterId;
import static io.github.understudy.spring.boot.it.ClusterProperties.replicaIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.spring.boot.it.ClusterProperties;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * JPA (Hibernate) with Boot's JpaTransactionManager in a fully auto-configured application:
 * {@code @Transactional(readOnly = true)} runs on a replica, read-write and non-transactional work on the master.
 */
@WithReplicationCluster(engine = "mariadb", replicas = 2)
class JpaRoutingIT {

    private final ReplicationCluster cluster;

    JpaRoutingIT(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void readOnlyTransactionsRunOnReplicasEverythingElseOnTheMaster() {
        new ApplicationContextRunner().withUserConfiguration(JpaApplication.class)
                .withPropertyValues(ClusterProperties.of(cluster, "spring.jpa.hibernate.ddl-auto=create-drop",
                        "spring.jpa.open-in-view=false",
                        "spring.jpa.properties.jakarta.persistence.database-product-name=MariaDB",
                        "spring.jpa.properties.jakarta.persistence.database-major-version=11",
                        "spring.jpa.properties.jakarta.persistence.database-minor-version=4",
                        "spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PlatformTransactionManager.class))
                            .isInstanceOf(JpaTransactionManager.class);
                    UnderstudyDataSource dataSource = context.getBean(UnderstudyDataSource.class);
                    GreetingService service = context.getBean(GreetingService.class);
                    GreetingRepository repository = context.getBean(GreetingRepository.class);

                    assertThat(service.save("hello")).isEqualTo(masterId(cluster));
                    assertThat(service.serverIdWithoutTransaction()).isEqualTo(masterId(cluster));
                    cluster.awaitReplicasCaughtUp();
                    ClusterProperties.awaitAllReplicasHealthy(dataSource, cluster);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    double masterBorrows = routed(registry, "master");
                    Set<Long> readers = new HashSet<>();
                    for (int i = 0; i < 4; i++) {
                        GreetingService.Seen seen = service.readAll();
                        assertThat(seen.texts()).containsExactly("hello");
                        readers.add(seen.serverId());
                    }
                    assertThat(readers).isEqualTo(replicaIds(cluster));
                    assertThat(routed(registry, "master")).as("master borrows by read-only transactions")
                            .isEqualTo(masterBorrows);
                    assertSpringDataDefaults(repository, registry);
                });
    }

    /** Outside a service transaction: declared queries run on the master unless annotated read-only. */
    private void assertSpringDataDefaults(GreetingRepository repository, MeterRegistry registry) {
        assertThat(repository.serverId()).isEqualTo(masterId(cluster));
        assertThat(replicaIds(cluster)).contains(repository.serverIdReadOnly());
        // Inherited methods are read-only transactions of SimpleJpaRepository: one replica borrow, and none of
        // the master (Hibernate's getWarnings() and clearWarnings() at connection release borrow nothing).
        double replicaBorrows = routed(registry, "replica");
        double masterBorrows = routed(registry, "master");
        assertThat(repository.findAll()).hasSize(1);
        assertThat(routed(registry, "replica")).isEqualTo(replicaBorrows + 1);
        assertThat(routed(registry, "master")).as("master borrows by findAll()").isEqualTo(masterBorrows);
    }

    /** Connections borrowed from nodes of a role, for reads and writes. */
    private static double routed(MeterRegistry registry, String role) {
        return registry.find("understudy.routed").tag("role", role).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
