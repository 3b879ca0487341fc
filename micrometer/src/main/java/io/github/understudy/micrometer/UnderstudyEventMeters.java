package io.github.understudy.micrometer;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.UnderstudyEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Meters fed by Understudy's events:
 * <ul>
 *   <li>{@code understudy.events} (tags {@code datasource}, {@code type}, e.g. {@code NodeDown}): every event;</li>
 *   <li>{@code understudy.failovers} (tags {@code datasource}, {@code kind}: {@code failover} or
 *       {@code switchover}): every {@link MasterPromoted}, i.e. every failover and switchover that this application
 *       instance carried out (an instance that only follows a promotion made
 *       by another one does not count it, so the sum over instances counts each promotion once);</li>
 *   <li>{@code understudy.failover.phase} (timer; tags {@code datasource}, {@code phase}): how long each phase of
 *       those promotions took: {@code detection} (first failed probe of the master to the diagnosis; switchovers
 *       have none and are not recorded), {@code promotion} (diagnosis to a writable new master) and
 *       {@code repointing} (the other replicas pointed at the new master and checked).</li>
 * </ul>
 */
public final class UnderstudyEventMeters implements UnderstudyListener {

    static final String FAILOVERS = "understudy.failovers";
    static final String FAILOVERS_DESCRIPTION = "Masters promoted by this instance: failovers and switchovers";

    private final MeterRegistry registry;

    /**
     * Creates the listener.
     *
     * @param registry where the meters go
     */
    public UnderstudyEventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(UnderstudyEvent event) {
        Counter.builder("understudy.events").description("Events published by Understudy, by type")
                .tag("datasource", event.dataSourceName()).tag("type", event.getClass().getSimpleName())
                .register(registry).increment();
        if (event instanceof MasterPromoted promoted) {
            Counter.builder(FAILOVERS).description(FAILOVERS_DESCRIPTION).tag("datasource", event.dataSourceName())
                    .tag("kind", promoted.planned() ? "switchover" : "failover").register(registry).increment();
            if (!promoted.planned()) {
                phase(event, "detection", promoted.detection());
            }
            phase(event, "promotion", promoted.promotion());
        } else if (event instanceof ReplicasRepointed repointed) {
            phase(event, "repointing", repointed.took());
        }
    }

    private void phase(UnderstudyEvent event, String phase, Duration took) {
        Timer.builder("understudy.failover.phase").description("How long each phase of a change of master took")
                .tag("datasource", event.dataSourceName()).tag("phase", phase).register(registry).record(took);
    }
}
