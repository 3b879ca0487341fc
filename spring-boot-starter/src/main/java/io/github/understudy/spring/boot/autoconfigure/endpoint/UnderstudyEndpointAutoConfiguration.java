package io.github.understudy.spring.boot.autoconfigure.endpoint;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.spring.boot.actuate.UnderstudyEndpoint;
import io.github.understudy.spring.boot.actuate.UnderstudyEventLog;
import io.github.understudy.spring.boot.actuate.WritableUnderstudyEndpoint;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration;
import io.github.understudy.spring.boot.autoconfigure.UnderstudyProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code understudy} actuator endpoint and the event log behind it, when the endpoint is available
 * (exposed, e.g. {@code management.endpoints.web.exposure.include=health,understudy}). The endpoint is read-only
 * unless {@code understudy.endpoint.write-operations-enabled=true}.
 */
@AutoConfiguration(after = UnderstudyAutoConfiguration.class)
@ConditionalOnClass({UnderstudyDataSource.class, Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnSingleCandidate(UnderstudyDataSource.class)
@ConditionalOnAvailableEndpoint(endpoint = UnderstudyEndpoint.class)
public final class UnderstudyEndpointAutoConfiguration {

    private static final String WRITE_OPERATIONS = "understudy.endpoint.write-operations-enabled";

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

    /** The read-only endpoint: the default. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = WRITE_OPERATIONS, havingValue = false, matchIfMissing = true)
    static class ReadOnlyEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        UnderstudyEndpoint understudyEndpoint(UnderstudyDataSource dataSource, UnderstudyEventLog events) {
            return new UnderstudyEndpoint(dataSource, events);
        }
    }

    /** The endpoint with evict, readmit and switchover, when {@value #WRITE_OPERATIONS} is true. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = WRITE_OPERATIONS)
    static class WritableEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        WritableUnderstudyEndpoint understudyEndpoint(UnderstudyDataSource dataSource, UnderstudyEventLog events) {
            return new WritableUnderstudyEndpoint(new UnderstudyEndpoint(dataSource, events));
        }
    }
}
