package io.github.understudy.spring.boot.actuate;

import io.github.understudy.HostAndPort;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyDataSource;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code understudy} actuator endpoint: the topology, last failovers and recent events of the
 * DataSource. With {@code understudy.endpoint.write-operations-enabled=true}, {@link WritableUnderstudyEndpoint}
 * takes its place.
 */
@Endpoint(id = "understudy")
public final class UnderstudyEndpoint {

    private final UnderstudyDataSource dataSource;
    private final UnderstudyEventLog events;

    /**
     * Creates the endpoint.
     *
     * @param dataSource the DataSource to show
     * @param events the log of its events
     */
    public UnderstudyEndpoint(UnderstudyDataSource dataSource, UnderstudyEventLog events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /**
     * {@return the topology as the monitor last published it, where writes go, the last failovers with their phase
     * timings, and the recent events, newest first}
     */
    @ReadOperation
    public UnderstudyDescriptor understudy() {
        TopologySnapshot topology = dataSource.topology();
        String master = dataSource.writeTarget().map(HostAndPort::toString).orElse(null);
        return new UnderstudyDescriptor(dataSource.name(), topology.epoch(), master, topology.describe(),
                topology.nodes().stream().map(NodeDescriptor::of).toList(), events.failovers(dataSource.name()),
                events.recent(dataSource.name()).stream().map(EventDescriptor::of).toList());
    }

    UnderstudyDataSource dataSource() {
        return dataSource;
    }
}
