/**
 * Auto-configuration of the Understudy DataSource: {@link io.github.understudy.spring.boot.autoconfigure.UnderstudyAutoConfiguration},
 * its {@code understudy.*} properties and the {@link io.github.understudy.spring.boot.autoconfigure.UnderstudyConfigCustomizer} hook.
 */
package io.github.understudy.spring.boot.autoconfigure;
