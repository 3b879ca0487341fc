package io.github.understudy.micrometer;

import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import java.sql.SQLException;
import java.util.List;

/**
 * Micrometer for one Understudy DataSource, without Spring (the Spring Boot starter does the same by itself):
 *
 * <pre>{@code
 * UnderstudyMicrometer micrometer = UnderstudyMicrometer.of("orders", meterRegistry)
 *         .withObservations(observationRegistry);          // optional: an Observation per failover and switchover
 * UnderstudyConfig config = micrometer.applyTo(UnderstudyConfig.builder().name("orders") ...).build();
 * UnderstudyDataSource dataSource = new UnderstudyDataSource(config);
 * micrometer.bindTo(dataSource);                             // the topology gauges
 * }</pre>
 *
 * The meters are those of {@link MicrometerUnderstudyMetrics}, {@link UnderstudyEventMeters} and
 * {@link UnderstudyTopologyMeterBinder}; the observations those of {@link FailoverObservations}.
 */
public final class UnderstudyMicrometer {

    private final MeterRegistry registry;
    private final MicrometerUnderstudyMetrics metrics;
    private final UnderstudyEventMeters events;
    private final FailoverObservations observations;

    private UnderstudyMicrometer(MeterRegistry registry, MicrometerUnderstudyMetrics metrics,
            FailoverObservations observations) {
        this.registry = registry;
        this.metrics = metrics;
        this.events = new UnderstudyEventMeters(registry);
        this.observations = observations;
    }

    /**
     * Meters for a DataSource.
     *
     * @param dataSourceName the DataSource's {@code name}: the {@code datasource} tag of every meter
     * @param registry where the meters go
     * @return the binding, without observations
     */
    public static UnderstudyMicrometer of(String dataSourceName, MeterRegistry registry) {
        return new UnderstudyMicrometer(registry, new MicrometerUnderstudyMetrics(registry, dataSourceName), null);
    }

    /**
     * {@return the same binding, which also observes every failover and switchover}
     *
     * @param observationRegistry where the observations go (a tracer's handler makes spans of them)
     */
    public UnderstudyMicrometer withObservations(ObservationRegistry observationRegistry) {
        return new UnderstudyMicrometer(registry, metrics, new FailoverObservations(observationRegistry));
    }

    /**
     * Sets the builder's metrics and adds the listeners that feed the event meters (and observations).
     *
     * @param builder the DataSource's configuration, before {@code build()}
     * @return the builder
     */
    public UnderstudyConfig.Builder applyTo(UnderstudyConfig.Builder builder) {
        builder.metrics(metrics).listener(events);
        if (observations != null) {
            builder.listener(observations);
        }
        return builder;
    }

    /**
     * Registers the topology gauges of the started DataSource.
     *
     * @param dataSource the DataSource built from the configuration {@link #applyTo} prepared
     */
    public void bindTo(UnderstudyDataSource dataSource) {
        new UnderstudyTopologyMeterBinder(List.of(dataSource)).bindTo(registry);
    }

    /**
     * Runs a planned switchover, observed whole when observations are on.
     *
     * @param dataSource the DataSource
     * @param target the replica to promote, {@code host:port}
     * @throws SQLException as {@link UnderstudyDataSource#switchover} does
     */
    public void switchover(UnderstudyDataSource dataSource, String target) throws SQLException {
        if (observations != null) {
            observations.switchover(dataSource, target);
        } else {
            dataSource.switchover(target);
        }
    }

    /** {@return the metrics sink, e.g. for its {@link MicrometerUnderstudyMetrics#poolUsage()}} */
    public MicrometerUnderstudyMetrics metrics() {
        return metrics;
    }
}
