package io.github.understudy.spring.boot.actuate;

import java.util.List;

/**
 * What the {@code understudy} endpoint returns: the topology and the recent events of the DataSource.
 *
 * @param name the DataSource's name
 * @param epoch the master's term, raised by each failover
 * @param master the node writes go to, null when there is none
 * @param summary the topology in one line, as in the logs
 * @param nodes every configured node, in configured order
 * @param events the recent events, newest first
 */
public record UnderstudyDescriptor(String name, long epoch, String master, String summary,
        List<NodeDescriptor> nodes, List<EventDescriptor> events) {
}
