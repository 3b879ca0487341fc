/**
 * Flyway support: {@link io.github.understudy.flyway.UnderstudyDatabaseType} lets Flyway migrate through a
 * {@code jdbc:understudy:} URL (CLI, Maven and Gradle plugins, {@code Flyway.configure().dataSource(url, ...)}).
 */
package io.github.understudy.flyway;
