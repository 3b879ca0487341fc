package io.github.understudy.spring.boot.autoconfigure;

import io.github.understudy.PromotionStrategy;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.StartupFailedException;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.UnderstudyListener;
import io.github.understudy.UnderstudyMetrics;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Auto-configures an {@link UnderstudyDataSource} from the {@code understudy.*} properties, in place of Boot's own
 * DataSource: Boot's JdbcTemplate, transaction manager and JPA then use it, and
 * {@code @Transactional(readOnly = true)} work goes to the replicas. Active when any {@code understudy.*} property
 * is set (and {@code understudy.enabled} is not false, and Boot's {@link DataSourceAutoConfiguration} is not
 * excluded); backs off when the application defines its own {@link DataSource}. Boot's {@code spring.datasource.*}
 * properties do not apply to it: it warns at start when some are set.
 *
 * <p>Every {@link UnderstudyListener} bean receives the DataSource's events, an {@link UnderstudyMetrics} bean
 * (the Micrometer one when Micrometer is there) receives its routing and pool metrics, a {@link PromotionStrategy}
 * bean replaces {@code understudy.failover.strategy}, and the {@link UnderstudyConfigCustomizer} beans are applied
 * last.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(UnderstudyDataSource.class)
@Conditional(OnUnderstudyPropertiesCondition.class)
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(UnderstudyProperties.class)
public final class UnderstudyAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(UnderstudyAutoConfiguration.class);

    /**
     * The configuration of the DataSource: properties (with the promotion strategy bean, if any), then listener and
     * metrics beans, then customizers.
     *
     * @param properties the {@code understudy.*} properties
     * @param promotionStrategy the application's promotion strategy, which wins over the property
     * @param listeners every listener bean, in order
     * @param metrics the metrics bean, if there is exactly one
     * @param customizers every customizer bean, in order
     * @return the checked configuration
     */
    @Bean
    @ConditionalOnMissingBean
    UnderstudyConfig understudyConfig(UnderstudyProperties properties,
            ObjectProvider<PromotionStrategy> promotionStrategy, ObjectProvider<UnderstudyListener> listeners,
            ObjectProvider<UnderstudyMetrics> metrics, ObjectProvider<UnderstudyConfigCustomizer> customizers) {
        UnderstudyConfig.Builder builder = UnderstudyConfigFactory.builder(properties,
                promotionStrategy.getIfAvailable());
        listeners.orderedStream().forEach(builder::listener);
        metrics.ifUnique(builder::metrics);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return UnderstudyConfigFactory.build(builder);
    }

    /**
     * The DataSource, started at once: it probes every host and fails when no master is reachable (unless
     * {@code understudy.start-degraded}).
     *
     * @param config its configuration
     * @param environment where Boot's own {@code spring.datasource.*} properties, ignored, may be set
     * @return the started DataSource, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    UnderstudyDataSource dataSource(UnderstudyConfig config, Environment environment) {
        List<String> ignored = IgnoredDataSourceProperties.in(environment);
        if (!ignored.isEmpty()) {
            LOG.warn(IgnoredDataSourceProperties.warning(config.name(), ignored));
        }
        try {
            return new UnderstudyDataSource(config);
        } catch (StartupFailedException e) {
            throw new UnderstudyStartException(e);
        }
    }
}
