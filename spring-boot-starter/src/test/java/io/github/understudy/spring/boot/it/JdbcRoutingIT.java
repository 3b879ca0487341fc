package io.github.understudy.spring.boot.it;

import static io.github.understudy.spring.boot.it.ClusterProperties.masterId;
import static io.github.understudy.spring.boot.it.ClusterProperties.replicaIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/** JdbcTemplate with Boot's DataSourceTransactionManager: @Transactional(readOnly = true) runs on a replica. */
@WithReplicationCluster(engine = "mariadb", replicas = 2)
class JdbcRoutingIT {

    private final ReplicationCluster cluster;
    private final ApplicationContextRunner runner;

    JdbcRoutingIT(ReplicationCluster cluster) {
        this.cluster = cluster;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UnderstudyAutoConfiguration.class,
                        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withPropertyValues(ClusterProperties.of(cluster))
                .withUserConfiguration(JdbcApplication.class);
    }

    @Test
    void readOnlyTransactionsRunOnReplicasEverythingElseOnTheMaster() {
        runner.run(context -> {
            assertThat(context.getBean(PlatformTransactionManager.class))
                    .isInstanceOf(DataSourceTransactionManager.class);
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            ServerIds serverIds = context.getBean(ServerIds.class);
            Set<Long> readers = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                List<Long> transaction = serverIds.readOnly();
                assertThat(transaction).as("one server per transaction").containsOnly(transaction.get(0));
                readers.add(transaction.get(0));
            }
            assertThat(readers).isEqualTo(replicaIds(cluster));
            assertThat(serverIds.readWrite()).isEqualTo(masterId(cluster));
            assertThat(serverIds.withoutTransaction()).isEqualTo(masterId(cluster));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class JdbcApplication {

        @Bean
        ServerIds serverIds(JdbcTemplate jdbc) {
            return new ServerIds(jdbc);
        }
    }

    /** Reports which server ran its statements. */
    static class ServerIds {

        private final JdbcTemplate jdbc;

        ServerIds(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional(readOnly = true)
        public List<Long> readOnly() {
            return List.of(serverId(), serverId());
        }

        @Transactional
        public long readWrite() {
            return serverId();
        }

        public long withoutTransaction() {
            return serverId();
        }

        private long serverId() {
            return jdbc.queryForObject("SELECT @@server_id", Long.class);
        }
    }
}
