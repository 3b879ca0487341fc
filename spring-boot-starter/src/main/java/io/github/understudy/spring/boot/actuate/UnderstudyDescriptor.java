package io.github.understudy.spring.boot.actuate;

import java.util.List;

/**
 * What the {@code understudy} endpoint returns: the topology, the last changes of master and the recent events of
 * the DataSource.
 *
 * @param name the DataSource's name
 * @param epoch the master's term, raised by each failover
 * @param master the node writes go to now, null when there is none
 * @param summary the topology in one line, as in the logs
 * @param nodes every configured node, in configured order
 * @param failovers the last failovers and switchovers with their phase timings, newest first
 * @param events the recent events, newest first
 */
public record UnderstudyDescriptor(String name, long epoch, String master, String summary,
        List<NodeDescriptor> nodes, List<FailoverDescriptor> failovers, List<EventDescriptor> events) {
}
