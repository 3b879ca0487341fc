package io.github.understudy.internal;

import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeSuspect;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.ReplicaCaughtUp;
import io.github.understudy.event.ReplicaLagging;
import io.github.understudy.event.UnderstudyEvent;
import java.time.Duration;

/**
 * A change of a node's state, as returned by {@link NodeHealth}; the caller publishes it.
 *
 * @param previous the status before
 * @param current the status after: its {@code since} is when the change happened, its {@code reason} why
 * @param maxLag the {@code maxReplicaLag} in force, for {@link ReplicaLagging}
 */
record Transition(NodeStatus previous, NodeStatus current, Duration maxLag) {

    /** {@return the state before} */
    public NodeState from() {
        return previous.state();
    }

    /** {@return the state after} */
    public NodeState to() {
        return current.state();
    }

    /**
     * Returns the event that announces this change.
     *
     * @param dataSourceName the DataSource's name
     * @return {@link NodeDown}, {@link NodeSuspect}, {@link ReplicaLagging}, {@link ReplicaCaughtUp} (up from
     *     lagging) or {@link NodeUp} (up from down or suspect)
     */
    public UnderstudyEvent toEvent(String dataSourceName) {
        var at = current.since();
        var node = current.address();
        return switch (to()) {
            case DOWN -> new NodeDown(dataSourceName, at, node, current.reason());
            case SUSPECT -> new NodeSuspect(dataSourceName, at, node, current.reason());
            case LAGGING -> new ReplicaLagging(dataSourceName, at, node, current.lag(), maxLag, current.reason());
            case UP -> from() == NodeState.LAGGING
                    ? new ReplicaCaughtUp(dataSourceName, at, node)
                    : new NodeUp(dataSourceName, at, node);
            case FENCED -> throw new IllegalStateException("fencing is announced by failover, not by health: " + this);
        };
    }

    @Override
    public String toString() {
        return current.address() + " " + from() + " -> " + to()
                + (current.reason().isEmpty() ? "" : " (" + current.reason() + ")");
    }
}
