package io.github.understudy;

import io.github.understudy.internal.Check;
import java.time.Duration;
import java.time.Instant;

/**
 * What Understudy knows about one node at one moment. Immutable; a changed status is a new instance.
 *
 * <p>The observations ({@code role}, {@code lag}, {@code serverId}, {@code gtidPosition}) are the last ones a
 * probe saw: a node that stops answering keeps its last known values, which failover uses to compare replicas.
 *
 * @param address the node's configured address
 * @param role the role last seen, {@link Role#UNKNOWN} before the first good probe
 * @param state how Understudy treats the node now
 * @param lag how far the replica was behind its master, null when unknown or when the node is a master
 * @param serverId the server's {@code server_id}, 0 when unknown
 * @param gtidPosition the executed GTID set or MariaDB {@code gtid_current_pos}, {@code ""} when unknown
 * @param reason the last problem seen, e.g. {@code "refused"} or {@code "lag 31s > max-lag 5s"};
 *     {@code ""} when there is none
 * @param since when the node entered its current state
 */
public record NodeStatus(HostAndPort address, Role role, NodeState state, Duration lag, long serverId,
        String gtidPosition, String reason, Instant since) {

    /**
     * Creates a status.
     *
     * @throws NullPointerException when any argument but {@code lag} is null
     * @throws IllegalArgumentException when {@code serverId} is negative
     */
    public NodeStatus {
        Check.notNull("address", address);
        Check.notNull("role", role);
        Check.notNull("state", state);
        Check.notNull("gtidPosition", gtidPosition);
        Check.notNull("reason", reason);
        Check.notNull("since", since);
        if (serverId < 0) {
            throw Check.invalid("serverId", ">= 0", serverId);
        }
    }

    /** {@return whether requests may be routed to this node now: its state is {@link NodeState#UP}} */
    public boolean readable() {
        return state == NodeState.UP;
    }
}
