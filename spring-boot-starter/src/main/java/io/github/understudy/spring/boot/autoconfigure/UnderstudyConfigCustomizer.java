package io.github.understudy.spring.boot.autoconfigure;

import io.github.understudy.UnderstudyConfig;

/**
 * Changes the auto-configured {@link UnderstudyConfig} before the DataSource starts, for what properties cannot
 * express: a custom {@link io.github.understudy.ReplicaSelector}, a {@link java.time.Clock}, listeners built in
 * code. Every customizer bean is applied, in {@link org.springframework.core.annotation.Order} order, after the
 * {@code understudy.*} properties, the {@link io.github.understudy.UnderstudyListener} beans and the metrics, so
 * it may override any of them.
 *
 * <pre>{@code
 * @Bean
 * UnderstudyConfigCustomizer preferCloseReplicas() {
 *     return builder -> builder.readStrategy(new SameZoneFirstSelector("eu-west-1a"));
 * }
 * }</pre>
 *
 * <p>Prefer {@code understudy.name} to {@code builder.name(...)}: the meters are tagged with the property.
 */
@FunctionalInterface
public interface UnderstudyConfigCustomizer {

    /**
     * Customizes the configuration.
     *
     * @param builder the builder holding the {@code understudy.*} properties; its setters check each value
     */
    void customize(UnderstudyConfig.Builder builder);
}
