package io.github.understudy.spring.boot.autoconfigure.observation;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.micrometer.FailoverObservations;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An Observation per failover and switchover ({@link FailoverObservations}), when the application has an
 * {@link ObservationRegistry}: with a tracer (Micrometer Tracing and an OpenTelemetry or Brave bridge) each becomes a
 * span, and Boot's meter handler makes an {@code understudy.failover} timer of them. The listener bean reaches the
 * auto-configured DataSource like any {@code UnderstudyListener} bean.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({UnderstudyDataSource.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
public final class UnderstudyObservationAutoConfiguration {

    /**
     * The listener that observes failovers and switchovers.
     *
     * @param registry the application's observation registry
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    FailoverObservations understudyFailoverObservations(ObservationRegistry registry) {
        return new FailoverObservations(registry);
    }
}
