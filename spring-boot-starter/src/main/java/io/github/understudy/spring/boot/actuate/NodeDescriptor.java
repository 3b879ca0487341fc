package io.github.understudy.spring.boot.actuate;

import io.github.understudy.NodeStatus;

/**
 * One node as the health indicator and the endpoint show it: plain strings and numbers, so that the JSON does not
 * depend on how the application's JSON mapper writes durations and instants.
 *
 * @param address the node's configured {@code host:port}
 * @param role {@code MASTER}, {@code REPLICA} or {@code UNKNOWN}, as last seen
 * @param state {@code UP}, {@code SUSPECT}, {@code DOWN}, {@code LAGGING} or {@code FENCED}
 * @param lagMillis how far the replica is behind, in milliseconds; null when unknown or for a master
 * @param serverId the server's {@code server_id}, 0 when unknown
 * @param gtidPosition the executed GTID set, {@code ""} when unknown
 * @param reason the last problem seen, {@code ""} when none
 * @param since when the node entered its state, ISO-8601
 * @param replicationMode how it replicates: {@code GTID} or {@code POSITION} (binary log coordinates); null when it
 *     replicates from no one
 * @param source where it replicates from ({@code host:port} as it reaches it), null when from no one
 * @param receivedCoordinates how far it read its source's binary log ({@code file:offset}), null when unknown
 * @param appliedCoordinates how far it applied it, null when unknown
 */
public record NodeDescriptor(String address, String role, String state, Long lagMillis, long serverId,
        String gtidPosition, String reason, String since, String replicationMode, String source,
        String receivedCoordinates, String appliedCoordinates) {

    /**
     * Describes a node.
     *
     * @param status the node's status in a topology snapshot
     * @return its description
     */
    public static NodeDescriptor of(NodeStatus status) {
        NodeStatus.Replication replication = status.replication();
        return new NodeDescriptor(status.address().toString(), status.role().name(), status.state().name(),
                status.lag() == null ? null : status.lag().toMillis(), status.serverId(), status.gtidPosition(),
                status.reason(), status.since().toString(),
                replication == null ? null : replication.mode().name(),
                replication == null ? null : replication.source(),
                replication == null || replication.received().isEmpty() ? null : replication.received(),
                replication == null || replication.applied().isEmpty() ? null : replication.applied());
    }
}
