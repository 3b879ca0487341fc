package io.github.understudy.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.StartupFailedException;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** Bad configurations fail at startup, and the analyzers registered in spring.factories explain them. */
class UnderstudyFailureAnalyzersTest {

    private final String db1 = Offline.closedAddress();
    private final String db2 = Offline.closedAddress();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnderstudyAutoConfiguration.class));

    @Test
    void missingHosts() {
        FailureAnalysis analysis = analyze("understudy.username=app");
        assertThat(analysis.getDescription()).isEqualTo("understudy.hosts is empty");
        assertThat(analysis.getAction()).contains("understudy.hosts=db1:3306,db2:3306");
    }

    @Test
    void malformedHost() {
        FailureAnalysis analysis = analyze(Offline.properties(db1 + ",db2"));
        assertThat(analysis.getDescription()).startsWith("understudy.hosts is invalid: hosts[1] must be");
    }

    @Test
    void durationOutOfRange() {
        FailureAnalysis analysis = analyze(Offline.properties(db1, "understudy.probe-interval=0"));
        assertThat(analysis.getDescription())
                .isEqualTo("understudy.probe-interval is invalid: probeInterval must be > 0, but was PT0S");
        assertThat(analysis.getAction()).contains("understudy.probe-interval");
    }

    @Test
    void readYourWritesSettings() {
        FailureAnalysis analysis = analyze(Offline.properties(db1, "understudy.read-your-writes-wait=0"));
        assertThat(analysis.getDescription()).isEqualTo(
                "understudy.read-your-writes-wait is invalid: readYourWritesWait must be > 0, but was PT0S");
        assertThat(analysis.getAction()).contains("understudy.read-your-writes-wait");
        assertThat(UnderstudyConfigFactory.propertyOf("consistency must not be null"))
                .isEqualTo("understudy.consistency");
    }

    @Test
    void poolSettingOfOneKindOfNode() {
        assertThat(analyze(Offline.properties(db1, "understudy.pool.replica.maximum-pool-size=0")).getDescription())
                .startsWith("understudy.pool.replica.maximum-pool-size is invalid: maximumPoolSize must be >= 1");
        assertThat(analyze(Offline.properties(db1, "understudy.pool.master.minimum-idle=20")).getDescription())
                .startsWith("understudy.pool.master.minimum-idle is invalid: "
                        + "minimumIdle must be <= maximumPoolSize (10)");
    }

    @Test
    void missingCredentials() {
        FailureAnalysis analysis = analyze("understudy.hosts=" + db1, "understudy.password=p",
                "understudy.admin.username=a", "understudy.admin.password=p");
        assertThat(analysis.getDescription())
                .isEqualTo("understudy.username is invalid: username must be set, but was not set");
        assertThat(analysis.getAction()).contains("understudy.admin.username");
    }

    @Test
    void conflictFoundByBuild() {
        FailureAnalysis analysis = analyze(Offline.properties(db1, "understudy.master=" + db2));
        assertThat(analysis.getDescription()).startsWith("understudy.master is invalid: master must be one of hosts");
        assertThat(analyze(Offline.properties(db1, "understudy.max-replica-lag=500ms")).getDescription())
                .startsWith("understudy.max-replica-lag is invalid: maxReplicaLag must be >= PT1S");
    }

    @Test
    void readStrategyAndWeights() {
        assertThat(analyze(Offline.properties(db1, "understudy.read-strategy=fastest")).getDescription())
                .startsWith("understudy.read-strategy is invalid: readStrategy must be one of");
        FailureAnalysis weightsAlone = analyze(runner.withInitializer(weight(db1)), Offline.properties(db1));
        assertThat(weightsAlone.getDescription()).isEqualTo("understudy.weights is set, but understudy.read-strategy"
                + " is 'round-robin': weights apply to read-strategy=weighted only");
        assertThat(weightsAlone.getAction()).contains("understudy.weights[db2\\:3306]=3");
        assertThat(analyze(runner.withInitializer(weight(db2)),
                Offline.properties(db1, "understudy.read-strategy=weighted")).getDescription())
                .startsWith("understudy.weights is invalid: readStrategy must be weighing only hosts");
    }

    @Test
    void failoverSettings() {
        FailureAnalysis strategy = analyze(Offline.properties(db1, "understudy.failover.strategy=fastest"));
        assertThat(strategy.getDescription()).startsWith("understudy.failover.strategy is invalid: "
                + "failover.strategy must be one of [most-advanced-replica, none, external], but was 'fastest'");
        assertThat(strategy.getAction()).contains("PromotionStrategy bean");
        assertThat(analyze(Offline.properties(db1, "understudy.failover.min-interval=-1s")).getDescription())
                .isEqualTo("understudy.failover.min-interval is invalid: minInterval must be >= 0, but was "
                        + "PT-1S");
        assertThat(analyze(Offline.properties(db1, "understudy.failover.relay-log-wait=0")).getDescription())
                .startsWith("understudy.failover.relay-log-wait is invalid: relayLogWait must be > 0");
        assertThat(analyze(Offline.properties(db1, "understudy.failover.never-promote=db2")).getDescription())
                .startsWith("understudy.failover.never-promote is invalid: neverPromote[0] must be host:port");
    }

    @Test
    void promotionMarksOutsideTheHosts() {
        FailureAnalysis analysis = analyze(Offline.properties(db1, "understudy.failover.prefer-promote=" + db2));
        assertThat(analysis.getDescription()).startsWith("understudy.failover.prefer-promote is invalid: "
                + "failover.preferPromote must be a subset of hosts");
        assertThat(analysis.getAction()).contains("understudy.failover.never-promote=db3:3306");
    }

    @Test
    void replicationCredentialsComeInPairs() {
        FailureAnalysis analysis = analyze(Offline.properties(db1, "understudy.failover.replication.username=repl"));
        assertThat(analysis.getDescription()).isEqualTo("understudy.failover.replication.password is not set, but "
                + "understudy.failover.replication.username is: set both or neither");
        assertThat(analysis.getAction()).contains("REPLICATION SLAVE");
        assertThat(analyze(Offline.properties(db1, "understudy.failover.replication.username= ",
                "understudy.failover.replication.password=p")).getDescription())
                .startsWith("understudy.failover.replication.username is invalid: replicationUser must be non-blank");
    }

    @Test
    void noReachableMaster() {
        FailureAnalysis analysis = analyze(Offline.properties(db1, "understudy.start-degraded=false"));
        assertThat(analysis.getDescription()).startsWith("understudy - cannot start: no reachable writable master");
        assertThat(analysis.getAction()).contains("understudy.start-degraded=true").contains("understudy.hosts");
    }

    @Test
    void everyStartReasonHasItsOwnAction() {
        Set<String> actions = new HashSet<>();
        for (StartupFailedException.Reason reason : StartupFailedException.Reason.values()) {
            FailureAnalysis analysis = new UnderstudyStartFailureAnalyzer().analyze(new UnderstudyStartException(
                    new StartupFailedException(reason, "orders - cannot start: " + reason, null, null)));
            assertThat(analysis.getDescription()).isEqualTo("orders - cannot start: " + reason);
            actions.add(analysis.getAction());
        }
        assertThat(actions).hasSize(StartupFailedException.Reason.values().length);
    }

    private static ApplicationContextInitializer<ConfigurableApplicationContext> weight(String address) {
        return Offline.propertiesFile("understudy.weights[" + Offline.escaped(address) + "]=2");
    }

    private FailureAnalysis analyze(String... properties) {
        return analyze(runner, properties);
    }

    /** Starts a context that must fail, and analyzes the failure as Boot does: the first analyzer that answers. */
    private static FailureAnalysis analyze(ApplicationContextRunner runner, String... properties) {
        Throwable[] failure = new Throwable[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            failure[0] = context.getStartupFailure();
        });
        // Boot's own analyzers that need constructor arguments are skipped: ours need none.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader
                .forDefaultResourceLocation(UnderstudyFailureAnalyzersTest.class.getClassLoader())
                .load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failed) -> { }));
        AnnotationAwareOrderComparator.sort(analyzers);
        return analyzers.stream().map(analyzer -> analyzer.analyze(failure[0])).filter(Objects::nonNull)
                .findFirst().orElseThrow(() -> new AssertionError("no analyzer explains " + failure[0]));
    }
}
