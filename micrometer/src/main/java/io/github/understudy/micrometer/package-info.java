/**
 * Micrometer meters and Observations of the Understudy DataSource, usable without Spring
 * ({@link io.github.understudy.micrometer.UnderstudyMicrometer}); the Spring Boot starter builds on them. Routing,
 * master waits, typed failures, read re-runs, circuit breakers, probe latency, HikariCP pool meters, topology and
 * epoch gauges, event counters, and an Observation per failover and switchover.
 */
package io.github.understudy.micrometer;
