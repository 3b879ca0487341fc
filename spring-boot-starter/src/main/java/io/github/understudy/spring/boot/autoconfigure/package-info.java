/**
 * Auto-configuration of the Understudy DataSource: {@link UnderstudyAutoConfiguration}, its {@code understudy.*}
 * properties and the {@link UnderstudyConfigCustomizer} hook.
 */
package io.github.understudy.spring.boot.autoconfigure;
