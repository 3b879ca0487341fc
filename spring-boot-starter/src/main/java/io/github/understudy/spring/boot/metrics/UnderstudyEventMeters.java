package io.github.understudy.spring.boot.metrics;

import io.github.understudy.UnderstudyListener;
import io.github.understudy.event.TopologyChanged;
import io.github.understudy.event.UnderstudyEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts Understudy's events: {@code understudy.events} (tags {@code datasource}, {@code type}, e.g.
 * {@code NodeDown}) for every event, and {@code understudy.failovers} (tag {@code datasource}) for every change of
 * master term: a {@link TopologyChanged} whose epoch went up, which only a failover or switchover does.
 */
public final class UnderstudyEventMeters implements UnderstudyListener {

    static final String FAILOVERS = "understudy.failovers";
    static final String FAILOVERS_DESCRIPTION = "Changes of master term (epoch): failovers and switchovers";

    private final MeterRegistry registry;

    /**
     * Creates the listener.
     *
     * @param registry where the counters go
     */
    public UnderstudyEventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(UnderstudyEvent event) {
        Counter.builder("understudy.events").description("Events published by Understudy, by type")
                .tag("datasource", event.dataSourceName()).tag("type", event.getClass().getSimpleName())
                .register(registry).increment();
        if (event instanceof TopologyChanged changed && changed.current().epoch() > changed.previous().epoch()) {
            Counter.builder(FAILOVERS).description(FAILOVERS_DESCRIPTION).tag("datasource", event.dataSourceName())
                    .register(registry).increment();
        }
    }
}
