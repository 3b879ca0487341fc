package io.github.understudy.spring.boot.autoconfigure.health;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.spring.boot.actuate.UnderstudyEventLog;
import io.github.understudy.spring.boot.actuate.UnderstudyHealthIndicator;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code understudy} health contributor: one {@link UnderstudyHealthIndicator} per Understudy
 * DataSource (a composite keyed by bean name when there are several), and the event log it reads the last failover
 * from (shared with the {@code understudy} endpoint). Switch it off with
 * {@code management.health.understudy.enabled=false}.
 */
@AutoConfiguration(after = UnderstudyAutoConfiguration.class)
@ConditionalOnClass({UnderstudyDataSource.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(UnderstudyDataSource.class)
@ConditionalOnEnabledHealthIndicator("understudy")
public final class UnderstudyHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<UnderstudyHealthIndicator, UnderstudyDataSource> {

    UnderstudyHealthContributorAutoConfiguration(ObjectProvider<UnderstudyEventLog> events) {
        super(dataSource -> new UnderstudyHealthIndicator(dataSource, events.getIfAvailable()));
    }

    /**
     * The log of events that the auto-configured DataSource publishes, for the last failover in the details.
     *
     * @param properties the {@code understudy.*} properties, when Understudy was auto-configured
     * @return the log
     */
    @Bean
    @ConditionalOnMissingBean
    UnderstudyEventLog understudyEventLog(ObjectProvider<UnderstudyProperties> properties) {
        return new UnderstudyEventLog(properties.getIfAvailable(UnderstudyProperties::new).getEndpoint()
                .getRecentEvents());
    }

    /**
     * The contributor, named {@code understudy} in the health endpoint.
     *
     * @param beanFactory where the Understudy DataSources are
     * @return an indicator, or a composite of one per DataSource
     */
    @Bean
    @ConditionalOnMissingBean(name = {"understudyHealthIndicator", "understudyHealthContributor"})
    HealthContributor understudyHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, UnderstudyDataSource.class);
    }
}
