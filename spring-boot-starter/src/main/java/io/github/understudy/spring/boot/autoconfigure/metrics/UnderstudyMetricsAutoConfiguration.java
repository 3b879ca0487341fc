package io.github.understudy.spring.boot.autoconfigure.metrics;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.UnderstudyMetrics;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyProperties;
import io.github.understudy.micrometer.MicrometerUnderstudyMetrics;
import io.github.understudy.micrometer.UnderstudyEventMeters;
import io.github.understudy.micrometer.UnderstudyTopologyMeterBinder;

import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters for Understudy, when the application has a {@link MeterRegistry}: those of
 * {@code understudy-micrometer} (routing, master waits, typed failures, breakers, probe latency and HikariCP pool
 * meters through the {@link UnderstudyMetrics} bean that the DataSource is built with; topology and epoch gauges;
 * event counters), and Boot's {@code jdbc.connections.*} meters over all the node pools.
 */
@AutoConfiguration(after = UnderstudyAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({UnderstudyDataSource.class, MeterRegistry.class})
@ConditionalOnBean({MeterRegistry.class, UnderstudyDataSource.class})
public final class UnderstudyMetricsAutoConfiguration {

    /**
     * Gauges of every Understudy DataSource's topology.
     *
     * @param dataSources the Understudy DataSources, by bean name
     * @return the binder
     */
    @Bean
    @ConditionalOnMissingBean
    UnderstudyTopologyMeterBinder understudyTopologyMeterBinder(Map<String, UnderstudyDataSource> dataSources) {
        return new UnderstudyTopologyMeterBinder(dataSources.values());
    }

    /** The meters that the auto-configured DataSource feeds while it starts and runs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(UnderstudyProperties.class)
    static class DataSourceMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        UnderstudyMetrics understudyMetrics(MeterRegistry registry, UnderstudyProperties properties) {
            return new MicrometerUnderstudyMetrics(registry, properties.getName());
        }

        @Bean
        @ConditionalOnMissingBean
        UnderstudyEventMeters understudyEventMeters(MeterRegistry registry) {
            return new UnderstudyEventMeters(registry);
        }

        /**
         * Boot's {@code jdbc.connections.*} meters for the DataSource: its node pools added up.
         *
         * @param metrics the metrics the DataSource reports to; the Micrometer ones know the pools
         * @return the provider, which answers for the auto-configured DataSource only
         */
        @Bean
        DataSourcePoolMetadataProvider understudyPoolMetadataProvider(ObjectProvider<UnderstudyMetrics> metrics,
                UnderstudyProperties properties) {
            return dataSource -> dataSource instanceof UnderstudyDataSource understudy
                    && understudy.name().equals(properties.getName())
                    && metrics.getIfUnique() instanceof MicrometerUnderstudyMetrics micrometer
                    ? new UnderstudyPoolMetadata(micrometer.poolUsage()) : null;
        }
    }
}
