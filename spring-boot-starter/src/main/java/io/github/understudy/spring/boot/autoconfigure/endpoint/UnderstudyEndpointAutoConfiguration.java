package io.github.understudy.spring.boot.autoconfigure.endpoint;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.micrometer.FailoverObservations;
import io.github.understudy.spring.boot.actuate.UnderstudyEndpoint;
import io.github.understudy.spring.boot.actuate.UnderstudyEventLog;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code understudy} actuator endpoint and the event log behind it, when the endpoint is available
 * (exposed, e.g. {@code management.endpoints.web.exposure.include=health,understudy}). The endpoint is read-only
 * unless {@code management.endpoint.understudy.access=unrestricted}.
 */
@AutoConfiguration(after = UnderstudyAutoConfiguration.class)
@ConditionalOnClass({UnderstudyDataSource.class, Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnSingleCandidate(UnderstudyDataSource.class)
@ConditionalOnAvailableEndpoint(endpoint = UnderstudyEndpoint.class)
public final class UnderstudyEndpointAutoConfiguration {

    /**
     * The log of recent events and failovers: a listener bean, so the auto-configured DataSource feeds it from its
     * start. The health auto-configuration defines the same bean; whichever comes first is used by both.
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
     * The endpoint; its actions need {@code management.endpoint.understudy.access=unrestricted}.
     *
     * @param dataSource the DataSource it shows
     * @param events the log of its events
     * @param observations where a switchover run through it is observed, when Micrometer's registry is there
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    UnderstudyEndpoint understudyEndpoint(UnderstudyDataSource dataSource, UnderstudyEventLog events,
            ObjectProvider<FailoverObservations> observations) {
        return new UnderstudyEndpoint(dataSource, events, observations.getIfUnique());
    }
}
