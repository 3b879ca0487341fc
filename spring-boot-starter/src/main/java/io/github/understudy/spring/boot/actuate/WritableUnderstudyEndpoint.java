package io.github.understudy.spring.boot.actuate;

import io.github.understudy.HostAndPort;
import io.github.understudy.UnderstudyDataSource;

import java.sql.SQLException;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code understudy} endpoint with operator actions, registered only when
 * {@code understudy.endpoint.write-operations-enabled=true}: besides what {@link UnderstudyEndpoint} shows, it
 * evicts a node from rotation, hands it back to the probes, or makes it the master in a planned switchover
 * ({@code POST /actuator/understudy/db2:3306} with {@code {"action": "evict"}}, {@code {"action": "readmit"}} or
 * {@code {"action": "switchover"}}). Boot's own endpoint access rules ({@code management.endpoint.understudy.access})
 * apply on top.
 */
@Endpoint(id = "understudy")
public final class WritableUnderstudyEndpoint {

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

    private final UnderstudyEndpoint reader;

    /**
     * Creates the endpoint.
     *
     * @param reader the read-only endpoint whose view this one shows too
     */
    public WritableUnderstudyEndpoint(UnderstudyEndpoint reader) {
        this.reader = reader;
    }

    /** {@return what {@link UnderstudyEndpoint#understudy()} returns} */
    @ReadOperation
    public UnderstudyDescriptor understudy() {
        return reader.understudy();
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
        UnderstudyDataSource dataSource = reader.dataSource();
        try {
            HostAndPort address = HostAndPort.parse(node);
            switch (action) {
                case EVICT -> dataSource.evict(node);
                case READMIT -> dataSource.readmit(node);
                case SWITCHOVER -> switchover(dataSource, node);
            }
            return NodeDescriptor.of(dataSource.topology().node(address).orElseThrow());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage(), e);
        }
    }

    private static void switchover(UnderstudyDataSource dataSource, String target) {
        try {
            dataSource.switchover(target);
        } catch (SQLException e) {
            throw new SwitchoverFailedException(dataSource.name() + " - switchover to " + target + " failed (SQLState "
                    + e.getSQLState() + "): " + e.getMessage(), e);
        }
    }

    /** A switchover that started and was aborted: not the request's fault, so not a 400. */
    static final class SwitchoverFailedException extends RuntimeException {

        SwitchoverFailedException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
