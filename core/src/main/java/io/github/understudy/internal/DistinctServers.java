package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.InvalidSettingException;
import io.github.understudy.NodeStatus;
import io.github.understudy.TopologySnapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * Two configured hosts that are one server (two names for it, say {@code localhost} and {@code 127.0.0.1}) would
 * count twice wherever nodes are counted, in a failover's majority first. Names are not resolved, so this is
 * checked on what the servers say: no two reachable hosts may report the same {@code server_id} (which replication
 * forbids between distinct servers anyway).
 */
final class DistinctServers {

    private DistinctServers() {
    }

    /**
     * @param snapshot the topology as the first probes saw it
     * @throws InvalidSettingException naming {@code hosts} when two hosts are one server
     */
    public static void check(TopologySnapshot snapshot) {
        InvalidSettingException sameServer = sameServer(snapshot);
        if (sameServer != null) {
            throw sameServer;
        }
    }

    /**
     * The error to report when starting failed: two hosts that are one server explain any other failure (such a
     * server is "two writable masters", say), so they are reported instead.
     *
     * @param snapshot the topology as the first probes saw it
     * @param failure  why starting failed
     * @return the error naming {@code hosts}, or {@code failure}
     */
    public static RuntimeException rootCause(TopologySnapshot snapshot, RuntimeException failure) {
        InvalidSettingException sameServer = sameServer(snapshot);
        if (sameServer == null || sameServer.getMessage().equals(failure.getMessage())) {
            return failure;
        }
        sameServer.addSuppressed(failure);
        return sameServer;
    }

    private static InvalidSettingException sameServer(TopologySnapshot snapshot) {
        Map<Long, HostAndPort> seen = new HashMap<>();
        for (NodeStatus node : snapshot.nodes()) {
            HostAndPort first = node.serverId() == 0 ? null : seen.putIfAbsent(node.serverId(), node.address());
            if (first != null) {
                return Check.invalid("hosts", "distinct servers", snapshot.nodes().stream()
                        .map(NodeStatus::address).toList(), ": " + first + " and " + node.address()
                        + " are the same server (server_id " + node.serverId() + ")");
            }
        }
        return null;
    }
}
