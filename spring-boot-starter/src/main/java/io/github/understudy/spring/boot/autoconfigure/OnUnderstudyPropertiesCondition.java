package io.github.understudy.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when any {@code understudy.*} property is set, {@code understudy.enabled} is not {@code false}, and the
 * application did not exclude Boot's {@code DataSourceAutoConfiguration} (an application that excludes it wants no
 * auto-configured DataSource, Understudy's included). Any
 * property, not only {@code understudy.hosts}: an application that sets the users but forgets the hosts should
 * hear "understudy.hosts is empty", not find Boot configuring another DataSource or asking for a JDBC URL.
 */
class OnUnderstudyPropertiesCondition extends SpringBootCondition {

    private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("understudy");
    private static final String DATA_SOURCE_AUTO_CONFIGURATION = DataSourceAutoConfiguration.class.getName();

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Understudy properties");
        if (!Binder.get(context.getEnvironment()).bind("understudy.enabled", Boolean.class).orElse(true)) {
            return ConditionOutcome.noMatch(message.because("understudy.enabled is false"));
        }
        if (context.getBeanFactory() != null && ConditionEvaluationReport.get(context.getBeanFactory()).getExclusions()
                .contains(DATA_SOURCE_AUTO_CONFIGURATION)) {
            return ConditionOutcome.noMatch(message.because("DataSourceAutoConfiguration is excluded"));
        }
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source.containsDescendantOf(PREFIX) == ConfigurationPropertyState.PRESENT) {
                return ConditionOutcome.match(message.foundExactly("understudy.* properties"));
            }
        }
        return ConditionOutcome.noMatch(message.didNotFind("any understudy.* property").atAll());
    }
}
