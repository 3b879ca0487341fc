package io.github.understudy.internal;

import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import java.time.Duration;

/**
 * What one health probe saw on one node. Build it with the factories: {@link #failed}, {@link #master},
 * {@link #replica} or {@link #replicationBroken}.
 *
 * @param failure why the node could not be probed, e.g. {@code "refused"}, {@code "timeout after 1s"},
 *     {@code "access denied"}; {@code ""} when it answered
 * @param role the role seen: master when {@code read_only} is off and it does not replicate, else replica;
 *     {@link Role#UNKNOWN} when it did not answer
 * @param replicationProblem why replication is not healthy (a thread stopped, an error), {@code ""} when it is
 *     or when the node is a master
 * @param lag how far behind its master the replica is, null when unknown or for a master
 * @param serverId the server's {@code server_id}, 0 when unknown
 * @param gtidPosition the executed GTID set, {@code ""} when unknown
 * @param latencyNanos how long the probe took, 0 when it failed
 * @param replication how the node replicates, null when it replicates from no one or did not answer
 */
record ProbeResult(String failure, Role role, String replicationProblem, Duration lag, long serverId,
        String gtidPosition, long latencyNanos, NodeStatus.Replication replication) {

    /** Checks the components; only {@code lag} and {@code replication} may be null. */
    public ProbeResult {
        Check.notNull("failure", failure);
        Check.notNull("role", role);
        Check.notNull("replicationProblem", replicationProblem);
        Check.notNull("gtidPosition", gtidPosition);
    }

    /**
     * A probe that got no answer.
     *
     * @param reason why, e.g. {@code "refused"}; must not be blank
     * @return the result
     */
    public static ProbeResult failed(String reason) {
        return new ProbeResult(Check.notBlank("reason", reason), Role.UNKNOWN, "", null, 0, "", 0, null);
    }

    /**
     * A node that answered as a master.
     *
     * @param serverId its {@code server_id}
     * @param gtidPosition its executed GTID set
     * @param latencyNanos how long the probe took
     * @return the result
     */
    public static ProbeResult master(long serverId, String gtidPosition, long latencyNanos) {
        return new ProbeResult("", Role.MASTER, "", null, serverId, gtidPosition, latencyNanos, null);
    }

    /**
     * A replica whose replication threads run without error.
     *
     * @param lag how far behind it is, null when the server does not say
     * @param serverId its {@code server_id}
     * @param gtidPosition its executed GTID set
     * @param latencyNanos how long the probe took
     * @return the result
     */
    public static ProbeResult replica(Duration lag, long serverId, String gtidPosition, long latencyNanos) {
        return new ProbeResult("", Role.REPLICA, "", lag, serverId, gtidPosition, latencyNanos, null);
    }

    /**
     * A replica that answered but does not replicate properly.
     *
     * @param problem what is wrong, e.g. {@code "replication stopped: IO thread not running"}; must not be blank
     * @param lag how far behind it is, usually null in that case
     * @param serverId its {@code server_id}
     * @param gtidPosition its executed GTID set
     * @param latencyNanos how long the probe took
     * @return the result
     */
    public static ProbeResult replicationBroken(String problem, Duration lag, long serverId, String gtidPosition,
            long latencyNanos) {
        return new ProbeResult("", Role.REPLICA, Check.notBlank("problem", problem), lag, serverId, gtidPosition,
                latencyNanos, null);
    }

    /**
     * @param value how the node replicates
     * @return the same result with {@code value}
     */
    public ProbeResult withReplication(NodeStatus.Replication value) {
        return new ProbeResult(failure, role, replicationProblem, lag, serverId, gtidPosition, latencyNanos, value);
    }

    /** {@return whether the node answered the probe} */
    public boolean reachable() {
        return failure.isEmpty();
    }
}
