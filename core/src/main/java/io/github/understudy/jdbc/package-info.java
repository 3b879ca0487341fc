/**
 * The {@code jdbc:understudy:} JDBC driver ({@link io.github.understudy.jdbc.UnderstudyDriver}), for tools and
 * frameworks configured by a JDBC URL rather than a {@code DataSource}.
 */
package io.github.understudy.jdbc;
