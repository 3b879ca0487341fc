package io.github.understudy.spring.boot.actuate;

import io.github.understudy.HostAndPort;
import io.github.understudy.UnderstudyDataSource;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code understudy} endpoint with operator actions, registered only when
 * {@code understudy.endpoint.write-operations-enabled=true}: besides what {@link UnderstudyEndpoint} shows, it
 * evicts a node from rotation or hands it back to the probes ({@code POST /actuator/understudy/db2:3306} with
 * {@code {"action": "evict"}} or {@code {"action": "readmit"}}). Boot's own endpoint access rules
 * ({@code management.endpoint.understudy.access}) apply on top.
 */
@Endpoint(id = "understudy")
public final class WritableUnderstudyEndpoint {

    /** What an operator can do to a node. */
    public enum NodeAction {

        /** Take the node out of rotation, whatever its probes say, until it is re-admitted. */
        EVICT,

        /** Let the probes decide about the node again; it serves after its next good probes. */
        READMIT
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
     * Evicts or re-admits a node.
     *
     * @param node the node as configured, {@code host:port}
     * @param action what to do
     * @return the node's status right after the action
     * @throws InvalidEndpointRequestException (HTTP 400) when the node is not a configured host or the action is
     *     missing
     */
    @WriteOperation
    public NodeDescriptor node(@Selector String node, NodeAction action) {
        if (action == null) {
            throw new InvalidEndpointRequestException("action must be evict or readmit", "missing action");
        }
        UnderstudyDataSource dataSource = reader.dataSource();
        try {
            HostAndPort address = HostAndPort.parse(node);
            if (action == NodeAction.EVICT) {
                dataSource.evict(node);
            } else {
                dataSource.readmit(node);
            }
            return NodeDescriptor.of(dataSource.topology().node(address).orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage(), e);
        }
    }
}
