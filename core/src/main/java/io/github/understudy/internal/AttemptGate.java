package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a server change (fence, restore, repair) be tried on a node at most once per probe of that node: a try that
 * found the node's lock held by another instance, or its state changed, waits for a fresher look before trying
 * again. A fleet of instances ticking several times a probe interval would otherwise each open a connection to the
 * node at every tick, just when the node matters most.
 */
final class AttemptGate {

    private final Map<HostAndPort, Instant> tried = new ConcurrentHashMap<>();

    /** Whether {@code node} was probed since the last try; if so, the try is recorded. */
    boolean due(Node node) {
        ServerState state = node.probe().last();
        Instant seen = state == null ? Instant.MIN : state.at();
        Instant last = tried.get(node.address());
        if (last != null && !seen.isAfter(last)) {
            return false;
        }
        tried.put(node.address(), seen);
        return true;
    }
}
