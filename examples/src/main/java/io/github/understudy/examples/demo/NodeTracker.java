package io.github.understudy.examples.demo;

import io.github.understudy.HostAndPort;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyMetrics;

/**
 * Tells the load generator which node served its last request, without an extra statement: Understudy reports
 * each borrow to its {@link UnderstudyMetrics} on the requesting thread, so a thread-local keeps the last one (a
 * read re-run on another replica reports that one last).
 */
final class NodeTracker implements UnderstudyMetrics {

    private final ThreadLocal<HostAndPort> last = new ThreadLocal<>();

    @Override
    public void routed(HostAndPort node, Role role, boolean write) {
        last.set(node);
    }

    /** @return the node this thread's last request was routed to since the last call, or null */
    HostAndPort take() {
        HostAndPort node = last.get();
        last.remove();
        return node;
    }
}
