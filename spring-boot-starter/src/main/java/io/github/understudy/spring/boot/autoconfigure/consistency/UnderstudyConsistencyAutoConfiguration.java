package io.github.understudy.spring.boot.autoconfigure.consistency;

import io.github.understudy.Understudy;
import io.github.understudy.spring.boot.consistency.ConsistencyTokenFilter;
import io.github.understudy.spring.boot.consistency.Consistent;
import io.github.understudy.spring.boot.consistency.ConsistentAdvisor;

import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes support: the {@link ConsistentAdvisor} that applies {@link Consistent} (when Spring AOP is
 * there), and in servlet web applications with {@code understudy.web.consistency-token.enabled=true} the
 * {@link ConsistencyTokenFilter}. Both work through {@link Understudy}'s thread-bound scopes, so they serve any
 * Understudy DataSource, auto-configured or not.
 */
@AutoConfiguration
@ConditionalOnClass(Understudy.class)
public final class UnderstudyConsistencyAutoConfiguration {

    /** The advisor, in its own class so that nothing of it loads without spring-aop. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StaticMethodMatcherPointcutAdvisor.class)
    static class ConsistentAdvisorConfiguration {

        /**
         * Applies {@link Consistent}; infrastructure, so that the auto-proxy creator of
         * {@code @EnableTransactionManagement} applies it too.
         *
         * @return the advisor, ordered before the transaction interceptor
         */
        @Bean
        @ConditionalOnMissingBean
        @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
        static ConsistentAdvisor consistentAdvisor() {
            return new ConsistentAdvisor();
        }
    }

    /** The token filter of servlet applications that ask for it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnClass(OncePerRequestFilter.class)
    @ConditionalOnBooleanProperty("understudy.web.consistency-token.enabled")
    @EnableConfigurationProperties(UnderstudyConsistencyTokenProperties.class)
    static class ConsistencyTokenFilterConfiguration {

        @Bean
        @ConditionalOnMissingFilterBean(ConsistencyTokenFilter.class)
        FilterRegistrationBean<ConsistencyTokenFilter> consistencyTokenFilter(
                UnderstudyConsistencyTokenProperties properties) {
            FilterRegistrationBean<ConsistencyTokenFilter> registration = new FilterRegistrationBean<>(
                    new ConsistencyTokenFilter(properties.getHeader(), properties.getCookie()));
            registration.setOrder(properties.getFilterOrder());
            return registration;
        }
    }
}
