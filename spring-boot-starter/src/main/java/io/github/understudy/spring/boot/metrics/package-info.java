/**
 * Micrometer meters of the Understudy DataSource: routing counters, HikariCP pool meters, topology gauges and
 * event counters.
 */
package io.github.understudy.spring.boot.metrics;
