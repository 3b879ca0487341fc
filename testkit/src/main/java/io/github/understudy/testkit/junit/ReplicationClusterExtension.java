package io.github.understudy.testkit.junit;

import io.github.understudy.testkit.Engine;
import io.github.understudy.testkit.ReplicationCluster;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link WithReplicationCluster}. Clusters live in the root store, keyed by
 * their settings, so test classes asking for the same cluster share it, and JUnit closes them when the run ends.
 */
public final class ReplicationClusterExtension implements ParameterResolver, AfterEachCallback, ExecutionCondition {

    /** System property: {@code true} runs (and so fails) test classes whose engine is unavailable, never skips them. */
    public static final String REQUIRE_ENGINES_PROPERTY = "understudy.testkit.requireEngines";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ReplicationClusterExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().isEmpty() || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        WithReplicationCluster settings = settings(context);
        if (!settings.disabledWhenUnavailable() || Boolean.getBoolean(REQUIRE_ENGINES_PROPERTY)) {
            return ConditionEvaluationResult.enabled("the engine is required");
        }
        Engine engine = engine(settings);
        return engine.whyUnavailable()
                .map(why -> ConditionEvaluationResult.disabled("engine " + engine.name() + " cannot run here: " + why
                        + " (-D" + REQUIRE_ENGINES_PROPERTY + "=true fails instead of skipping)"))
                .orElse(ConditionEvaluationResult.enabled(engine.name() + " can run here"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ReplicationCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ReplicationCluster cluster = existing(context);
        if (cluster != null) {
            cluster.reset();
        }
    }

    private static WithReplicationCluster settings(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return AnnotationSupport.findAnnotation(testClass, WithReplicationCluster.class).orElseThrow(
                () -> new IllegalStateException(testClass.getName() + " must be annotated @WithReplicationCluster"));
    }

    private static String key(WithReplicationCluster settings) {
        Engine engine = engine(settings);
        return engine.name() + "/replicas=" + settings.replicas() + "/semiSync=" + settings.semiSync() + "/gtid="
                + settings.gtid();
    }

    private static Engine engine(WithReplicationCluster settings) {
        return settings.engine().isBlank() ? Engine.fromSystemProperty() : Engine.parse(settings.engine());
    }

    private static ReplicationCluster existing(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).get(key(settings(context)), ReplicationCluster.class);
    }

    private static ReplicationCluster cluster(ExtensionContext context) {
        WithReplicationCluster settings = settings(context);
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key(settings),
                key -> ReplicationCluster.builder().engine(engine(settings)).replicas(settings.replicas())
                        .semiSync(settings.semiSync()).gtid(settings.gtid()).name(context.getRequiredTestClass().getSimpleName()).start(),
                ReplicationCluster.class);
    }
}
