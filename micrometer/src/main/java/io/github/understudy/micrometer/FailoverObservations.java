package io.github.understudy.micrometer;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.FailoverStarted;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.UnderstudyEvent;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One Micrometer {@link Observation} named {@value #NAME} per change of master, so that a tracer turns each into a
 * span (and Micrometer's meter handler into a timer). Low-cardinality keys: {@code datasource}, {@code kind}
 * ({@code failover} or {@code switchover}) and {@code outcome} ({@code promoted}, {@code failed}, or
 * {@code abandoned} when the next one started first); high-cardinality keys: {@code old.master},
 * {@code new.master}, {@code epoch} and the phase durations {@code detection.ms}, {@code promotion.ms},
 * {@code repointing.ms}; events {@code promoted} and {@code repointed} mark the phases.
 *
 * <p>A failover is observed from {@link FailoverStarted} (published by the instance that runs it) to
 * {@link ReplicasRepointed} or {@link FailoverFailed}. A switchover is observed whole when it runs through
 * {@link #switchover}, as the starter's endpoint does; one started by a direct call to
 * {@link UnderstudyDataSource#switchover} has no start event, so its observation starts at the promotion.
 */
public final class FailoverObservations implements UnderstudyListener {

    /** The observation's name. */
    public static final String NAME = "understudy.failover";

    private final ObservationRegistry registry;
    private final ConcurrentMap<String, Open> open = new ConcurrentHashMap<>();

    /**
     * Creates the listener.
     *
     * @param registry where the observations go
     */
    public FailoverObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs a planned switchover inside its observation.
     *
     * @param dataSource the DataSource
     * @param target the replica to promote, {@code host:port}
     * @throws SQLException as {@link UnderstudyDataSource#switchover} does
     */
    public void switchover(UnderstudyDataSource dataSource, String target) throws SQLException {
        Observation observation = start(dataSource.name(), "switchover", true).observation();
        observation.highCardinalityKeyValue("new.master", target);
        try {
            dataSource.switchover(target);
            observation.lowCardinalityKeyValue("outcome", "promoted");
        } catch (SQLException | RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", "failed").error(e);
            throw e;
        } finally {
            open.computeIfPresent(dataSource.name(), (name, o) -> o.observation() == observation ? null : o);
            observation.stop();
        }
    }

    @Override
    public void onEvent(UnderstudyEvent event) {
        String name = event.dataSourceName();
        if (event instanceof FailoverStarted started) {
            start(name, "failover", false).observation().highCardinalityKeyValue("old.master",
                    started.failedMaster().toString());
        } else if (event instanceof MasterPromoted promoted) {
            Open current = open.get(name);
            if (current == null) {
                current = start(name, promoted.planned() ? "switchover" : "failover", false);
            }
            current.observation().highCardinalityKeyValue("old.master", promoted.failedMaster().toString())
                    .highCardinalityKeyValue("new.master", promoted.newMaster().toString())
                    .highCardinalityKeyValue("epoch", Long.toString(promoted.epoch()))
                    .highCardinalityKeyValue("detection.ms", Long.toString(promoted.detection().toMillis()))
                    .highCardinalityKeyValue("promotion.ms", Long.toString(promoted.promotion().toMillis()))
                    .event(Observation.Event.of("promoted", "promoted " + promoted.newMaster()));
        } else if (event instanceof ReplicasRepointed repointed) {
            Open current = open.get(name);
            if (current != null) {
                current.observation().highCardinalityKeyValue("repointing.ms",
                        Long.toString(repointed.took().toMillis())).event(Observation.Event.of("repointed"));
                if (!current.wrapped()) {
                    stop(name, current, "promoted");
                }
            }
        } else if (event instanceof FailoverFailed failed) {
            Open current = open.get(name);
            if (current != null && !current.wrapped()) {
                current.observation().error(new IllegalStateException(failed.reason()));
                stop(name, current, "failed");
            }
        }
    }

    private Open start(String dataSourceName, String kind, boolean wrapped) {
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("understudy " + kind)
                .lowCardinalityKeyValue("datasource", dataSourceName)
                .lowCardinalityKeyValue("kind", kind)
                .start();
        Open started = new Open(observation, wrapped);
        Open previous = open.put(dataSourceName, started);
        if (previous != null && !previous.wrapped()) {
            previous.observation().lowCardinalityKeyValue("outcome", "abandoned").stop();
        }
        return started;
    }

    private void stop(String dataSourceName, Open current, String outcome) {
        open.remove(dataSourceName, current);
        current.observation().lowCardinalityKeyValue("outcome", outcome).stop();
    }

    /** An observation under way, and whether {@link #switchover} started it (and so stops it). */
    private record Open(Observation observation, boolean wrapped) {
    }
}
