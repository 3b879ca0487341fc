package io.github.understudy.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.understudy.Consistency;
import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.LagSource;
import io.github.understudy.PoolSettings;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.UnderstudyListener;
import io.github.understudy.UnderstudyMetrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.mock.env.MockEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class UnderstudyAutoConfigurationTest {

    private final String db1 = Offline.closedAddress();
    private final String db2 = Offline.closedAddress();
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(UnderstudyAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @Test
    void doesNothingWithoutUnderstudyProperties() {
        runner.withPropertyValues("spring.datasource.url=jdbc:mysql://localhost:3306/app")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(UnderstudyDataSource.class)
                        .doesNotHaveBean(UnderstudyProperties.class));
    }

    @Test
    void doesNothingWhenDisabled() {
        runner.withPropertyValues(Offline.properties(db1, "understudy.enabled=false"))
                .withPropertyValues("spring.datasource.url=jdbc:mysql://localhost:3306/app")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(UnderstudyDataSource.class));
    }

    @Test
    void doesNothingWhenTheApplicationExcludesBootsDataSourceAutoConfiguration() {
        // What @SpringBootApplication(exclude = DataSourceAutoConfiguration.class) or spring.autoconfigure.exclude
        // record before any auto-configuration's condition runs.
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UnderstudyAutoConfiguration.class))
                .withPropertyValues(Offline.properties(db1))
                .withInitializer(context -> ConditionEvaluationReport.get(context.getBeanFactory())
                        .recordExclusions(List.of(DataSourceAutoConfiguration.class.getName())))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(UnderstudyDataSource.class));
    }

    @Test
    void namesBootsDataSourcePropertiesThatItIgnores() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mysql://db1/x")
                .withProperty("spring.datasource.hikari.maximum-pool-size", "30")
                .withProperty("understudy.hosts", "db1:3306");

        List<String> ignored = IgnoredDataSourceProperties.in(environment);

        assertThat(ignored).containsExactly("spring.datasource.url", "spring.datasource.hikari.*");
        assertThat(IgnoredDataSourceProperties.warning("orders", ignored)).startsWith(
                "orders - spring.datasource.url, spring.datasource.hikari.* are set but not used: Understudy replaces")
                .contains("understudy.pool.master.*");
        assertThat(IgnoredDataSourceProperties.in(new MockEnvironment().withProperty("understudy.hosts", "db1:3306")))
                .isEmpty();
    }

    @Test
    void backsOffWhenTheApplicationDefinesADataSource() {
        runner.withPropertyValues(Offline.properties(db1)).withUserConfiguration(OwnDataSource.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(DataSource.class).doesNotHaveBean(UnderstudyDataSource.class)
                            .doesNotHaveBean(UnderstudyConfig.class);
                    assertThat(context.getBean(DataSource.class)).isSameAs(context.getBean("ownDataSource"));
                });
    }

    @Test
    void replacesBootsDataSource() {
        runner.withPropertyValues(Offline.properties(db1 + "," + db2)).run(context -> {
            assertThat(context).hasSingleBean(DataSource.class).hasSingleBean(UnderstudyDataSource.class);
            assertThat(context.getBean("dataSource")).isInstanceOf(UnderstudyDataSource.class);
        });
    }

    @Test
    void bindsEveryProperty() {
        runner.withPropertyValues(Offline.properties(db1 + "," + db2, "understudy.name=orders",
                "understudy.master=" + db1, "understudy.database=shop", "understudy.driver-properties.sslMode=DISABLED",
                "understudy.pool.master.maximum-pool-size=7", "understudy.pool.master.minimum-idle=1",
                "understudy.pool.master.connection-timeout=300ms", "understudy.pool.master.idle-timeout=20s",
                "understudy.pool.master.max-lifetime=1m", "understudy.pool.replica.maximum-pool-size=3",
                "understudy.connect-timeout=2s", "understudy.socket-timeout=0", "understudy.probe-interval=300ms",
                "understudy.failures-to-evict=3", "understudy.successes-to-readmit=4",
                "understudy.max-replica-lag=800ms", "understudy.lag-source=heartbeat",
                "understudy.heartbeat-interval=100ms", "understudy.read-strategy=weighted",
                "understudy.read-fallback-to-master=false",
                "understudy.retry-reads=false", "understudy.master-wait-timeout=1s",
                "understudy.consistency=read-your-writes", "understudy.read-your-writes-wait=500ms"))
                .withInitializer(Offline.propertiesFile("understudy.weights[" + Offline.escaped(db2) + "]=3"))
                .run(context -> {
                    UnderstudyConfig config = context.getBean(UnderstudyConfig.class);
                    assertThat(config.name()).isEqualTo("orders");
                    assertThat(config.hosts()).containsExactly(HostAndPort.parse(db1), HostAndPort.parse(db2));
                    assertThat(config.master()).contains(HostAndPort.parse(db1));
                    assertThat(config.database()).contains("shop");
                    assertThat(config.username()).isEqualTo("app");
                    assertThat(config.adminUsername()).isEqualTo("admin");
                    assertThat(config.driverProperties()).containsExactly(Map.entry("sslMode", "DISABLED"));
                    assertThat(config.masterPool()).isEqualTo(new PoolSettings(7, 1, Duration.ofMillis(300),
                            Duration.ofSeconds(20), Duration.ofMinutes(1)));
                    assertThat(config.replicaPool().maximumPoolSize()).isEqualTo(3);
                    assertThat(config.connectTimeout()).hasSeconds(2);
                    assertThat(config.socketTimeout()).isZero();
                    assertThat(config.probeInterval()).hasMillis(300);
                    assertThat(config.probeTimeout()).hasMillis(200);
                    assertThat(config.failuresToEvict()).isEqualTo(3);
                    assertThat(config.successesToReadmit()).isEqualTo(4);
                    assertThat(config.maxReplicaLag()).hasMillis(800);
                    assertThat(config.lagSource()).isEqualTo(LagSource.HEARTBEAT);
                    assertThat(config.heartbeatInterval()).hasMillis(100);
                    assertThat(config.readStrategy().toString()).contains("weighted").contains(db2);
                    assertThat(config.readFallbackToMaster()).isFalse();
                    assertThat(config.retryReads()).isFalse();
                    assertThat(config.startDegraded()).isTrue();
                    assertThat(config.masterWaitTimeout()).hasSeconds(1);
                    assertThat(config.consistency()).isEqualTo(Consistency.READ_YOUR_WRITES);
                    assertThat(config.readYourWritesWait()).hasMillis(500);
                    assertThat(context.getBean(UnderstudyDataSource.class).name()).isEqualTo("orders");
                });
    }

    @Test
    void bindsEveryFailoverProperty() {
        runner.withPropertyValues(Offline.properties(db1 + "," + db2, "understudy.failover.strategy=external",
                "understudy.failover.dead-master-after=3s", "understudy.failover.relay-log-wait=7s",
                "understudy.failover.min-interval=0", "understudy.failover.never-promote=" + db2,
                "understudy.failover.prefer-promote=" + db1, "understudy.failover.repoint-check=2s",
                "understudy.failover.replication.username=repl", "understudy.failover.replication.password="))
                .run(context -> {
                    FailoverSettings failover = context.getBean(UnderstudyConfig.class).failover();
                    assertThat(failover.strategy()).hasToString("external");
                    assertThat(failover.strategy().changesServers()).isFalse();
                    assertThat(failover.deadMasterAfter()).hasSeconds(3);
                    assertThat(failover.relayLogWait()).hasSeconds(7);
                    assertThat(failover.minInterval()).isZero();
                    assertThat(failover.neverPromote()).containsExactly(HostAndPort.parse(db2));
                    assertThat(failover.preferPromote()).containsExactly(HostAndPort.parse(db1));
                    assertThat(failover.repointCheck()).hasSeconds(2);
                    assertThat(failover.replicationUser()).isEqualTo("repl");
                    assertThat(failover.replicationPassword()).isEmpty();
                });
    }

    @Test
    void aPromotionStrategyBeanWinsOverTheProperty() {
        PromotionStrategy own = PromotionStrategy.none();
        runner.withPropertyValues(Offline.properties(db1, "understudy.failover.strategy=most-advanced-replica"))
                .withBean(PromotionStrategy.class, () -> own)
                .run(context -> assertThat(context.getBean(UnderstudyConfig.class).failover().strategy())
                        .isSameAs(own));
    }

    @Test
    void defaultsAreCoresDefaults() {
        runner.withPropertyValues(Offline.properties(db1)).run(context -> {
            UnderstudyConfig bound = context.getBean(UnderstudyConfig.class);
            UnderstudyConfig core = UnderstudyConfig.builder().hosts(db1).username("app").password("secret")
                    .adminUsername("admin").adminPassword("secret").startDegraded(true)
                    .probeTimeout(Duration.ofMillis(200)).build();
            assertThat(bound).usingRecursiveComparison()
                    .ignoringFields("readStrategy", "metrics", "listeners", "failover.strategy").isEqualTo(core);
            assertThat(bound.readStrategy().getClass()).isEqualTo(core.readStrategy().getClass());
            assertThat(bound.failover().strategy().getClass()).isEqualTo(core.failover().strategy().getClass());
        });
    }

    @Test
    void appliesListenerMetricsAndCustomizerBeans() {
        runner.withPropertyValues(Offline.properties(db1)).withUserConfiguration(Extensions.class).run(context -> {
            UnderstudyConfig config = context.getBean(UnderstudyConfig.class);
            assertThat(config.listeners()).containsExactly(context.getBean(UnderstudyListener.class));
            assertThat(config.metrics()).isSameAs(context.getBean(UnderstudyMetrics.class));
            assertThat(config.clock()).isEqualTo(Extensions.CLOCK);
        });
    }

    @Test
    void usesTheApplicationsConfigBean() {
        runner.withPropertyValues(Offline.properties(db1)).withBean(UnderstudyConfig.class,
                () -> UnderstudyConfig.builder().name("custom").hosts(db2).username("u").password("p")
                        .adminUsername("a").adminPassword("p").startDegraded(true).build())
                .run(context -> assertThat(context.getBean(UnderstudyDataSource.class).name()).isEqualTo("custom"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {

        @Bean
        DataSource ownDataSource() {
            return mock(DataSource.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Extensions {

        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        @Bean
        UnderstudyListener listener() {
            return event -> { };
        }

        @Bean
        UnderstudyMetrics metrics() {
            return (node, role, write) -> { };
        }

        @Bean
        UnderstudyConfigCustomizer fixedClock() {
            return builder -> builder.clock(CLOCK);
        }
    }
}
