package io.github.understudy.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.understudy.HostAndPort;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.RepointResult;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyMetrics;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.spring.boot.actuate.FailoverDescriptor;
import io.github.understudy.spring.boot.actuate.NodeDescriptor;
import io.github.understudy.spring.boot.actuate.UnderstudyEndpoint;
import io.github.understudy.spring.boot.actuate.UnderstudyEventLog;
import io.github.understudy.spring.boot.actuate.UnderstudyHealthIndicator;
import io.github.understudy.spring.boot.actuate.UnderstudyEndpoint.NodeAction;
import io.github.understudy.spring.boot.autoconfigure.endpoint.UnderstudyEndpointAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.health.UnderstudyHealthContributorAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.metrics.UnderstudyMetricsAutoConfiguration;
import io.github.understudy.micrometer.MicrometerUnderstudyMetrics;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.PropertiesEndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationFilter;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.invoke.convert.ConversionServiceParameterValueMapper;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** Health, endpoint and metrics wiring, on a DataSource started degraded against hosts that refuse connections. */
class UnderstudyActuatorAutoConfigurationTest {

    private static final String EXPOSE = "management.endpoints.web.exposure.include=understudy";
    // Upper case: a bare context runner has no lenient enum conversion, a Spring Boot application takes "unrestricted".
    private static final String UNRESTRICTED = "management.endpoint.understudy.access=UNRESTRICTED";

    private final String db1 = Offline.closedAddress();
    private final String db2 = Offline.closedAddress();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues(Offline.properties(db1 + "," + db2))
            .withConfiguration(AutoConfigurations.of(UnderstudyAutoConfiguration.class,
                    UnderstudyHealthContributorAutoConfiguration.class, UnderstudyEndpointAutoConfiguration.class,
                    UnderstudyMetricsAutoConfiguration.class));

    @Test
    void healthIsDownWithoutMaster() {
        runner.run(context -> {
            Health health = context.getBean("understudyHealthContributor", UnderstudyHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("name", "understudy")
                    .containsEntry("problem", "no reachable writable master").containsEntry("healthyReplicas", 0);
            @SuppressWarnings("unchecked")
            Map<String, NodeDescriptor> nodes = (Map<String, NodeDescriptor>) health.getDetails().get("nodes");
            assertThat(nodes).containsOnlyKeys(db1, db2);
            assertThat(nodes.get(db1).role()).isEqualTo("UNKNOWN");
            assertThat(nodes.get(db1).state()).isEqualTo("DOWN");
            assertThat(nodes.get(db1).reason()).isNotEmpty();
        });
    }

    @Test
    void healthStaysUpWhileASwitchoverThroughTheEndpointHoldsWrites() {
        runner.run(context -> {
            UnderstudyEventLog log = context.getBean(UnderstudyEventLog.class);
            UnderstudyHealthIndicator indicator = context.getBean("understudyHealthContributor",
                    UnderstudyHealthIndicator.class);
            log.switchoverStarted("understudy", db2);

            Health held = indicator.health();
            assertThat(held.getStatus()).isEqualTo(Status.UP);
            assertThat(held.getDetails()).containsEntry("switchover",
                    "writes are held while " + db2 + " becomes the master").doesNotContainKey("problem");
            log.switchoverEnded("understudy");
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void healthAndEndpointShowTheFailoversTheLogHeard() {
        runner.withPropertyValues(EXPOSE).run(context -> {
            UnderstudyEventLog log = context.getBean(UnderstudyEventLog.class);
            HostAndPort from = HostAndPort.parse(db1);
            HostAndPort to = HostAndPort.parse(db2);
            log.onEvent(new MasterPromoted("understudy", Instant.parse("2026-03-01T10:15:30Z"), from, to, 4,
                    List.of(new RejectedCandidate(from, RejectedCandidate.Reason.CHECK_FAILED, "the failed master")), Duration.ofMillis(1200),
                    Duration.ofMillis(300), false));
            log.onEvent(new ReplicasRepointed("understudy", Instant.parse("2026-03-01T10:15:31Z"), to,
                    Map.of(from, RepointResult.REPLICATING), Duration.ofMillis(80)));
            FailoverDescriptor expected = new FailoverDescriptor("2026-03-01T10:15:30Z", "failover", 4, db1, db2, 1200, 300, 80L,
                    List.of(db1 + ": CHECK_FAILED (the failed master)"), Map.of(db1, "replicating"));
            Health health = context.getBean("understudyHealthContributor", UnderstudyHealthIndicator.class).health();
            assertThat(health.getDetails()).containsEntry("lastFailover", expected);
            assertThat(context.getBean(UnderstudyEndpoint.class).understudy().failovers()).containsExactly(expected);
        });
    }

    @Test
    void healthCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.understudy.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("understudyHealthContributor")
                        .doesNotHaveBean(UnderstudyEventLog.class));
    }

    @Test
    void endpointOnlyWhenExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(UnderstudyEndpoint.class)
                .hasSingleBean(UnderstudyEventLog.class));
        runner.withPropertyValues(EXPOSE).run(context -> {
            assertThat(context).hasSingleBean(UnderstudyEndpoint.class);
            assertThat(context.getBean(UnderstudyConfig.class).listeners())
                    .contains(context.getBean(UnderstudyEventLog.class));
            assertThat(context.getBean(UnderstudyEndpoint.class).understudy().nodes()).hasSize(2);
        });
    }

    @Test
    void theEndpointEvictsAndReadmitsNodes() {
        runner.withPropertyValues(EXPOSE, UNRESTRICTED).run(context -> {
            UnderstudyEndpoint endpoint = context.getBean(UnderstudyEndpoint.class);
            NodeDescriptor evicted = endpoint.node(db2, NodeAction.EVICT);
            assertThat(evicted.address()).isEqualTo(db2);
            assertThat(evicted.state()).isEqualTo("DOWN");
            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.node("db9:3306", NodeAction.EVICT))
                    .withMessageContaining("db9:3306");
        });
    }

    @Test
    void switchoverIsRefusedAsABadRequestWhenItCannotStart() {
        ApplicationContextRunner writable = runner.withPropertyValues(EXPOSE, UNRESTRICTED);
        writable.run(context -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
                .isThrownBy(() -> context.getBean(UnderstudyEndpoint.class).node(db2, NodeAction.SWITCHOVER))
                .withMessageContaining("replicationCredentials"));
        ApplicationContextRunner withCredentials = writable.withPropertyValues(
                "understudy.failover.replication.username=repl", "understudy.failover.replication.password=secret");
        withCredentials.run(context -> {
            UnderstudyEndpoint endpoint = context.getBean(UnderstudyEndpoint.class);
            assertThatExceptionOfType(InvalidEndpointRequestException.class)
                    .isThrownBy(() -> endpoint.node(db2, NodeAction.SWITCHOVER))
                    .withMessageContaining("target must be a healthy replica");
            assertThat(endpoint.understudy().failovers()).isEmpty();
        });
    }

    @Test
    void bootOffersTheWriteOperationOnlyWithUnrestrictedAccess() {
        runner.withPropertyValues(EXPOSE).run(context -> assertThat(webOperations(context))
                .containsOnlyKeys("GET understudy"));
        runner.withPropertyValues(EXPOSE, UNRESTRICTED).run(context -> {
            Map<String, WebOperation> operations = webOperations(context);
            assertThat(operations).containsOnlyKeys("GET understudy", "POST understudy/{node}");
            Object evicted = operations.get("POST understudy/{node}").invoke(new InvocationContext(
                    SecurityContext.NONE, Map.of("node", db2, "action", "evict")));
            assertThat(evicted).isInstanceOf(NodeDescriptor.class);
            assertThatExceptionOfType(InvalidEndpointRequestException.class).isThrownBy(() -> operations
                    .get("POST understudy/{node}").invoke(new InvocationContext(SecurityContext.NONE,
                            Map.of("node", db2, "action", "switchover"))))
                    .withMessageContaining("switchover");
        });
    }

    /**
     * The web operations as Boot's discoverer maps them, filtered by access as WebEndpointAutoConfiguration does in a
     * web application.
     */
    private static Map<String, WebOperation> webOperations(ApplicationContext context) {
        WebEndpointDiscoverer discoverer = new WebEndpointDiscoverer(context,
                new ConversionServiceParameterValueMapper(), EndpointMediaTypes.DEFAULT, List.of(), List.of(),
                List.of(), List.of(), List.of(OperationFilter.byAccess(
                        new PropertiesEndpointAccessResolver(context.getEnvironment()))));
        ExposableWebEndpoint endpoint = discoverer.getEndpoints().stream()
                .filter(e -> e.getEndpointId().toString().equals("understudy")).findFirst().orElseThrow();
        return endpoint.getOperations().stream().collect(Collectors.toMap(
                op -> op.getRequestPredicate().getHttpMethod() + " " + op.getRequestPredicate().getPath(), op -> op));
    }

    @Test
    void metersWhenThereIsARegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(UnderstudyMetrics.class));
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
                .run(context -> {
                    assertThat(context.getBean(UnderstudyConfig.class).metrics())
                            .isInstanceOf(MicrometerUnderstudyMetrics.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("understudy.node.state").tag("node", db1).tag("state", "down").gauge()
                            .value()).isEqualTo(1.0);
                    assertThat(registry.get("understudy.node.state").tag("node", db1).tag("state", "up").gauge()
                            .value()).isZero();
                    assertThat(registry.get("understudy.node.lag").tag("node", db2).gauge().value()).isNaN();
                    assertThat(registry.get("understudy.failovers").tag("datasource", "understudy").tag("kind", "failover").counter().count())
                            .isZero();
                });
    }
}
