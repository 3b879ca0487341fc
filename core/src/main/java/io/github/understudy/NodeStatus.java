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
 * @param replication what the node replicates from and how, as last seen; null when it replicates from no one
 *     or was never probed
 */
public record NodeStatus(HostAndPort address, Role role, NodeState state, Duration lag, long serverId,
        String gtidPosition, String reason, Instant since, Replication replication) {

    /**
     * How a node replicated at its last probe.
     *
     * @param source         its source as it reaches it ({@code host:port})
     * @param sourceServerId the source's {@code server_id}, 0 when it never connected
     * @param mode           GTID or binary log coordinates
     * @param receiving      whether its receiver was connected to the source
     * @param receiverLostAt since when its receiver has not been connected, null while it is
     * @param applying       whether its applier ran
     * @param received       how far it had read the source's binary log ({@code file:offset}), {@code ""} when
     *                       unknown
     * @param applied        how far it had applied, in the source's coordinates, {@code ""} when unknown
     */
    public record Replication(String source, long sourceServerId, ReplicationMode mode, boolean receiving,
                              Instant receiverLostAt, boolean applying, String received, String applied) {

        /** Checks the components; only {@code receiverLostAt} may be null. */
        public Replication {
            Check.notNull("source", source);
            Check.notNull("mode", mode);
            Check.notNull("received", received);
            Check.notNull("applied", applied);
        }
    }

    /**
     * Creates a status of a node whose replication is unknown, or that replicates from no one.
     *
     * @throws NullPointerException when any argument but {@code lag} is null
     * @throws IllegalArgumentException when {@code serverId} is negative
     */
    public NodeStatus(HostAndPort address, Role role, NodeState state, Duration lag, long serverId,
                      String gtidPosition, String reason, Instant since) {
        this(address, role, state, lag, serverId, gtidPosition, reason, since, null);
    }

    /**
     * Creates a status.
     *
     * @throws NullPointerException when any argument but {@code lag} and {@code replication} is null
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

    /**
     * Returns the same status with another state, reason and since; the observations are kept.
     *
     * @param newState  the state
     * @param newReason the reason
     * @param newSince  when the node entered it
     * @return the status
     */
    public NodeStatus with(NodeState newState, String newReason, Instant newSince) {
        return new NodeStatus(address, role, newState, lag, serverId, gtidPosition, newReason, newSince, replication);
    }

    /** {@return whether requests may be routed to this node now: its state is {@link NodeState#UP}} */
    public boolean readable() {
        return state == NodeState.UP;
    }
}
