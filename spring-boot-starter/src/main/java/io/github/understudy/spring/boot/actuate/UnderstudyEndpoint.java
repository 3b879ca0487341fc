package io.github.understudy.spring.boot.actuate;

import io.github.understudy.HostAndPort;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.micrometer.FailoverObservations;

import java.sql.SQLException;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code understudy} actuator endpoint: the topology, last failovers and recent events of the DataSource, and
 * operator actions on a node ({@code POST /actuator/understudy/db2:3306} with {@code {"action": "evict"}},
 * {@code {"action": "readmit"}} or {@code {"action": "switchover"}}). Read-only by default, as Boot's own endpoints
 * with side effects are: {@code management.endpoint.understudy.access=unrestricted} allows the actions.
 */
@Endpoint(id = "understudy", defaultAccess = Access.READ_ONLY)
public final class UnderstudyEndpoint {

    /** What an operator can do to a node. */
    public enum NodeAction {

        /** Take the node out of rotation, whatever its probes say, until it is re-admitted. */
        EVICT,

        /** Let the probes decide about the node again; it serves after its next good probes. */
        READMIT,

        /**
         * Make this healthy replica the master: writes are held while it catches up, then go to it, and the old
         * master and the other replicas replicate from it. Needs the replication credentials and a promotion
         * strategy that changes servers; answers once the switchover is done.
         */
        SWITCHOVER
    }

    private final UnderstudyDataSource dataSource;
    private final UnderstudyEventLog events;
    private final FailoverObservations observations;

    /**
     * Creates the endpoint.
     *
     * @param dataSource the DataSource to show
     * @param events the log of its events, which also tells the health indicator of a switchover under way
     * @param observations where a switchover is observed, or null when there is no observation registry
     */
    public UnderstudyEndpoint(UnderstudyDataSource dataSource, UnderstudyEventLog events,
            FailoverObservations observations) {
        this.dataSource = dataSource;
        this.events = events;
        this.observations = observations;
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

    /**
     * Evicts or re-admits a node, or switches over to it.
     *
     * @param node the node as configured, {@code host:port}
     * @param action what to do
     * @return the node's status right after the action
     * @throws InvalidEndpointRequestException (HTTP 400) when the node is not a configured host, the action is
     *     missing, or a switchover is not possible now (no replication credentials, a strategy that changes no
     *     server, a target that is not a healthy replica, another instance holding the failover lock)
     * @throws RuntimeException (HTTP 500) when a switchover was aborted because the target did not catch up; the
     *     old master is then writable again
     */
    @WriteOperation
    public NodeDescriptor node(@Selector String node, NodeAction action) {
        if (action == null) {
            throw new InvalidEndpointRequestException("action must be evict, readmit or switchover", "missing action");
        }
        try {
            HostAndPort address = HostAndPort.parse(node);
            switch (action) {
                case EVICT -> dataSource.evict(node);
                case READMIT -> dataSource.readmit(node);
                case SWITCHOVER -> switchover(node);
            }
            return NodeDescriptor.of(dataSource.topology().node(address).orElseThrow());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage(), e);
        }
    }

    private void switchover(String target) {
        events.switchoverStarted(dataSource.name(), target);
        try {
            if (observations != null) {
                observations.switchover(dataSource, target);
            } else {
                dataSource.switchover(target);
            }
        } catch (SQLException e) {
            throw new SwitchoverFailedException(dataSource.name() + " - switchover to " + target + " failed (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        } finally {
            events.switchoverEnded(dataSource.name());
        }
    }

    /** A switchover that started and was aborted: not the request's fault, so not a 400. */
    static final class SwitchoverFailedException extends RuntimeException {

        SwitchoverFailedException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
