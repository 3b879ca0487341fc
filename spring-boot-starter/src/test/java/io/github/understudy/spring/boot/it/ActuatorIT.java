package io.github.understudy.spring.boot.it;

import static io.github.understudy.spring.boot.it.ClusterProperties.masterId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.micrometer.FailoverObservations;
import io.github.understudy.spring.boot.actuate.EventDescriptor;
import io.github.understudy.spring.boot.actuate.FailoverDescriptor;
import io.github.understudy.spring.boot.actuate.NodeDescriptor;
import io.github.understudy.spring.boot.actuate.UnderstudyDescriptor;
import io.github.understudy.spring.boot.actuate.UnderstudyEndpoint;
import io.github.understudy.spring.boot.actuate.UnderstudyEndpoint.NodeAction;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.endpoint.UnderstudyEndpointAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.health.UnderstudyHealthContributorAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.metrics.UnderstudyMetricsAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.observation.UnderstudyObservationAutoConfiguration;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.NodeReport;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health indicator, understudy endpoint and meters against a real cluster, before and after faults. The testkit
 * rebuilds the cluster after a test that changed its master, so each test starts with n1 as master.
 */
@WithReplicationCluster(engine = "mariadb", replicas = 2)
class ActuatorIT {

    private final ReplicationCluster cluster;
    private final ApplicationContextRunner runner;

    ActuatorIT(ReplicationCluster cluster) {
        this.cluster = cluster;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(UnderstudyAutoConfiguration.class,
                        UnderstudyHealthContributorAutoConfiguration.class, UnderstudyEndpointAutoConfiguration.class,
                        UnderstudyMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                        DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
                .withPropertyValues(ClusterProperties.of(cluster,
                        "management.endpoints.web.exposure.include=health,understudy"));
    }

    @Test
    void aDeadMasterIsReplacedAndHealthEndpointAndMetersShowTheFailover() {
        runner.run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            HealthIndicator health = context.getBean("understudyHealthContributor", HealthIndicator.class);
            UnderstudyEndpoint endpoint = context.getBean(UnderstudyEndpoint.class);
            ClusterNode oldMaster = cluster.node("n1");
            assertThat(health.health().getDetails()).containsEntry("master", oldMaster.address())
                    .containsEntry("healthyReplicas", 2).doesNotContainKey("lastFailover");
            assertTopology(endpoint.understudy());

            oldMaster.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> failedOverFrom(oldMaster, health.health()));
            Health after = health.health();
            ClusterNode newMaster = node(after.getDetails().get("master"));
            FailoverDescriptor failover = (FailoverDescriptor) after.getDetails().get("lastFailover");
            assertThat(failover.failedMaster()).isEqualTo(oldMaster.address());
            assertThat(failover.newMaster()).isEqualTo(newMaster.address());
            assertThat(after.getDetails()).containsEntry("epoch", failover.epoch());
            assertThat(failover.epoch()).isPositive();
            assertThat(failover.detectionMillis()).isNotNegative();
            assertThat(failover.promotionMillis()).isNotNegative();
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT @@server_id", Long.class))
                    .isEqualTo(newMaster.serverId());
            assertFailoverShown(endpoint, oldMaster, newMaster, context.getBean(MeterRegistry.class));
        });
    }

    private void assertFailoverShown(UnderstudyEndpoint endpoint, ClusterNode oldMaster, ClusterNode newMaster,
            MeterRegistry registry) {
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.understudy().failovers().get(0)
                .repointingMillis() != null);
        UnderstudyDescriptor view = endpoint.understudy();
        assertThat(view.master()).isEqualTo(newMaster.address());
        String otherReplica = cluster.nodes().stream().filter(n -> n != oldMaster && n != newMaster).findFirst()
                .orElseThrow().address();
        assertThat(view.failovers()).singleElement().satisfies(failover -> {
            assertThat(failover.newMaster()).isEqualTo(newMaster.address());
            assertThat(failover.kind()).isEqualTo("failover");
            assertThat(failover.repointingMillis()).isNotNegative();
            assertThat(failover.repointed()).containsEntry(otherReplica, "replicating");
        });
        assertThat(view.events()).extracting(EventDescriptor::type).containsSubsequence("ReplicasRepointed",
                "MasterPromoted", "FailoverStarted", "MasterFailureDiagnosed");
        assertThat(JsonMapper.builder().build().writeValueAsString(view))
                .contains("\"failovers\":[{\"at\":").contains("\"promotionMillis\":");
        assertThat(registry.get("understudy.failovers").tag("kind", "failover").counter().count()).isEqualTo(1);
        assertThat(registry.get("understudy.failover.phase").tag("phase", "promotion").timer().count())
                .isEqualTo(1);
        assertThat(registry.get("understudy.failover.phase").tag("phase", "repointing").timer().count())
                .isEqualTo(1);
    }

    @Test
    void withoutAutomaticFailoverHealthGoesDownWithTheMaster() {
        runner.withPropertyValues("understudy.failover.strategy=none").run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            HealthIndicator health = context.getBean("understudyHealthContributor", HealthIndicator.class);
            UnderstudyEndpoint endpoint = context.getBean(UnderstudyEndpoint.class);
            ClusterNode master = cluster.node("n1");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertTopology(endpoint.understudy());

            master.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.DOWN));
            Health down = health.health();
            assertThat(down.getDetails()).containsEntry("problem", "no reachable writable master")
                    .containsEntry("replicas", 2).doesNotContainKey("master").doesNotContainKey("lastFailover");
            assertThat(nodes(down).get(master.address()).state()).isEqualTo("DOWN");
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.understudy().events().stream()
                    .anyMatch(event -> event.type().equals("FailoverHeldBack")));
            UnderstudyDescriptor afterKill = endpoint.understudy();
            assertThat(afterKill.master()).isNull();
            assertThat(afterKill.failovers()).isEmpty();
            assertThat(afterKill.events()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo("NodeDown");
                assertThat(event.details()).containsEntry("node", master.address()).containsKey("reason");
            });
            assertThat(context.getBean(MeterRegistry.class).get("understudy.failovers").tag("kind", "failover")
                    .counter().count()).isZero();
        });
    }

    @Test
    void writableEndpointSwitchesOverToTheChosenReplica() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        ApplicationContextRunner writable = runner.withBean(ObservationRegistry.class, () -> observations)
                .withConfiguration(AutoConfigurations.of(UnderstudyObservationAutoConfiguration.class))
                .withPropertyValues(
                "management.endpoint.understudy.access=UNRESTRICTED",
                "understudy.failover.replication.username=" + cluster.replicationUser().user(),
                "understudy.failover.replication.password=" + cluster.replicationUser().password());
        writable.run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            UnderstudyEndpoint endpoint = context.getBean(UnderstudyEndpoint.class);
            HealthIndicator health = context.getBean("understudyHealthContributor", HealthIndicator.class);
            ClusterNode target = cluster.node("n2");

            NodeDescriptor promoted = endpoint.node(target.address(), NodeAction.SWITCHOVER);

            assertThat(promoted.role()).isEqualTo("MASTER");
            assertThat(health.health().getDetails()).containsEntry("master", target.address());
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT @@server_id", Long.class))
                    .isEqualTo(target.serverId());
            assertThat(cluster.topology().masters()).extracting(NodeReport::node).containsExactly("n2");
            FailoverDescriptor switchover = endpoint.understudy().failovers().get(0);
            assertThat(switchover.failedMaster()).isEqualTo(cluster.node("n1").address());
            assertThat(switchover.newMaster()).isEqualTo(target.address());
            assertThat(switchover.repointed()).containsEntry(cluster.node("n1").address(), "replicating")
                    .containsEntry(cluster.node("n3").address(), "replicating");
            assertThat(switchover.kind()).isEqualTo("switchover");
            assertThat(context.getBean(MeterRegistry.class).get("understudy.failovers").tag("kind", "switchover")
                    .counter().count()).isEqualTo(1);
            TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
                    .hasNameEqualTo(FailoverObservations.NAME).hasLowCardinalityKeyValue("kind", "switchover")
                    .hasLowCardinalityKeyValue("outcome", "promoted")
                    .hasHighCardinalityKeyValue("old.master", cluster.node("n1").address())
                    .hasHighCardinalityKeyValue("new.master", target.address()).hasEvent("promoted")
                    .hasEvent("repointed").hasBeenStopped();
        });
    }

    @Test
    void writableEndpointEvictsAndReadmitsAReplica() {
        runner.withPropertyValues("management.endpoint.understudy.access=UNRESTRICTED").run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            UnderstudyEndpoint endpoint = context.getBean(UnderstudyEndpoint.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ClusterNode evicted = cluster.node("n2");

            NodeDescriptor afterEvict = endpoint.node(evicted.address(), NodeAction.EVICT);
            assertThat(afterEvict.state()).isEqualTo("DOWN");
            assertThat(afterEvict.reason()).contains("evicted: by operator");
            for (int i = 0; i < 4; i++) {
                assertThat(ReadOnly.serverId(jdbc)).isEqualTo(cluster.node("n3").serverId());
            }
            endpoint.node(evicted.address(), NodeAction.READMIT);
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.understudy().nodes().stream()
                    .anyMatch(n -> n.address().equals(evicted.address()) && n.state().equals("UP")));
            assertThat(endpoint.understudy().events()).extracting(EventDescriptor::type)
                    .containsSubsequence("NodeUp", "NodeDown");
        });
    }

    @Test
    void metersCountRoutedStatementsPerNodeAndShowTheTopology() {
        runner.withConfiguration(AutoConfigurations.of(DataSourcePoolMetricsAutoConfiguration.class)).run(context -> {
            ClusterProperties.awaitAllReplicasHealthy(context.getBean(UnderstudyDataSource.class), cluster);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            for (int i = 0; i < 4; i++) {
                ReadOnly.serverId(jdbc);
            }
            for (int i = 0; i < 3; i++) {
                jdbc.queryForObject("SELECT 1", Integer.class);
            }
            assertThat(routed(registry, "n1", "write")).isEqualTo(3);
            assertThat(routed(registry, "n1", "read")).isZero();
            assertThat(routed(registry, "n2", "read")).isPositive();
            assertThat(routed(registry, "n2", "read") + routed(registry, "n3", "read")).isEqualTo(4);
            for (ClusterNode node : cluster.nodes()) {
                assertThat(gauge(registry, "understudy.node.state", node, "state", "up")).isEqualTo(1);
                assertThat(gauge(registry, "understudy.node.role", node, "role",
                        node.name().equals("n1") ? "master" : "replica")).isEqualTo(1);
                assertThat(registry.get("hikaricp.connections").tag("pool", "understudy-" + node.address()).gauge())
                        .isNotNull();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("understudy.node.lag")
                    .tag("node", cluster.node("n2").address()).gauge().value() >= 0);
            assertThat(registry.get("understudy.failovers").tag("kind", "failover").counter().count()).isZero();
            assertThat(registry.get("understudy.events").tag("type", "NodeUp").counter().count()).isEqualTo(3);
            assertThat(registry.get("understudy.master.wait").tag("outcome", "found").timer().count()).isEqualTo(3);
            assertThat(registry.get("understudy.epoch").gauge().value()).isZero();
            for (ClusterNode node : cluster.nodes()) {
                assertThat(gauge(registry, "understudy.node.breaker", node, "state", "closed")).isEqualTo(1);
                assertThat(registry.get("understudy.node.probe.latency").tag("node", node.address()).gauge().value())
                        .isPositive();
            }
            // Boot's own DataSource meters: the three node pools (maximum-pool-size 4 each) added up.
            assertThat(registry.get("jdbc.connections.max").gauge().value()).isEqualTo(12);
            assertThat(registry.get("jdbc.connections.active").gauge().value()).isZero();
        });
    }

    private double routed(MeterRegistry registry, String node, String kind) {
        return registry.find("understudy.routed").tag("node", cluster.node(node).address()).tag("kind", kind)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double gauge(MeterRegistry registry, String name, ClusterNode node, String tag, String value) {
        return registry.get(name).tag("node", node.address()).tag(tag, value).gauge().value();
    }

    private void assertTopology(UnderstudyDescriptor understudy) {
        assertThat(understudy.name()).isEqualTo("understudy");
        assertThat(understudy.master()).isEqualTo(cluster.node("n1").address());
        assertThat(understudy.summary()).contains("healthy=2");
        assertThat(understudy.nodes()).extracting(NodeDescriptor::address).isEqualTo(cluster.addresses());
        assertThat(understudy.nodes()).extracting(NodeDescriptor::serverId)
                .containsExactlyElementsOf(cluster.nodes().stream().map(ClusterNode::serverId).toList());
        assertThat(understudy.nodes()).extracting(NodeDescriptor::role).containsExactly("MASTER", "REPLICA", "REPLICA");
        assertThat(understudy.nodes().get(1).lagMillis()).isNotNull();
        assertThat(understudy.failovers()).isEmpty();
        String json = JsonMapper.builder().build().writeValueAsString(understudy);
        assertThat(json).contains("\"master\":\"" + cluster.node("n1").address() + "\"")
                .contains("\"serverId\":" + masterId(cluster)).contains("\"state\":\"UP\"").contains("\"events\":[");
    }

    /** Whether writes go to another node and the log heard of the promotion (published just after the switch). */
    private static boolean failedOverFrom(ClusterNode oldMaster, Health health) {
        Object master = health.getDetails().get("master");
        return health.getStatus().equals(Status.UP) && master != null && !master.equals(oldMaster.address())
                && health.getDetails().containsKey("lastFailover");
    }

    private ClusterNode node(Object address) {
        return cluster.nodes().stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, NodeDescriptor> nodes(Health health) {
        return (Map<String, NodeDescriptor>) health.getDetails().get("nodes");
    }
}
