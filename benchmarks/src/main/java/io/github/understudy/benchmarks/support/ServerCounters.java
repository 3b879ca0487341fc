package io.github.understudy.benchmarks.support;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The servers' own statement counters ({@code Com_*}), read through one long-lived root connection per server:
 * a new connection's own set-up statements would pollute the count. Reading costs one {@code Com_show_status}
 * per server, which {@link #delta} leaves out.
 */
public final class ServerCounters implements AutoCloseable {

    private final Map<String, Connection> connections = new LinkedHashMap<>();

    /**
     * @param cluster the cluster
     * @param nodes   the nodes to count on
     * @throws SQLException when a server does not accept the root connection
     */
    public ServerCounters(ReplicationCluster cluster, List<ClusterNode> nodes) throws SQLException {
        for (ClusterNode node : nodes) {
            connections.put(node.name(), cluster.openDirect(node, Duration.ofSeconds(30)));
        }
    }

    /**
     * @return per node name, every {@code Com_*} counter
     * @throws SQLException when a server does not answer
     */
    public Map<String, Map<String, Long>> read() throws SQLException {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (Map.Entry<String, Connection> entry : connections.entrySet()) {
            all.put(entry.getKey(), read(entry.getValue(), "LIKE 'Com\\_%'"));
        }
        return all;
    }

    /**
     * The statement counters and the connection counters ({@code Threads_connected}: open now; {@code Connections}:
     * ever opened) of some nodes; a node that does not answer (killed) is left out.
     *
     * @param nodes the names of the nodes to read, e.g. every node but a paused one (a read would wait for it)
     * @return per node name that answered, its {@code Com_*}, {@code Threads_connected} and {@code Connections}
     */
    public Map<String, Map<String, Long>> status(Collection<String> nodes) {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        for (String node : nodes) {
            try {
                all.put(node, read(connections.get(node), "WHERE Variable_name LIKE 'Com\\_%' "
                        + "OR Variable_name IN ('Threads_connected', 'Connections')"));
            } catch (SQLException e) {
                // killed: nothing to count there
            }
        }
        return all;
    }

    /**
     * @param counters one node's counters
     * @return the statements it ran: the sum of its {@code Com_*} counters but {@code Com_show_status} (the
     *     readings themselves)
     */
    public static long statements(Map<String, Long> counters) {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith("Com_"))
                .filter(e -> !e.getKey().equals("Com_show_status")).mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Long> read(Connection connection, String filter) throws SQLException {
        Map<String, Long> counters = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS " + filter)) {
            while (rs.next()) {
                counters.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counters;
    }

    /**
     * @param before  a reading
     * @param after   a later reading
     * @param ignored counters to leave out (besides {@code Com_show_status}, the reading itself)
     * @return per node, the counters that changed and by how much
     */
    public static Map<String, Map<String, Long>> delta(Map<String, Map<String, Long>> before,
                                                       Map<String, Map<String, Long>> after, List<String> ignored) {
        Map<String, Map<String, Long>> delta = new LinkedHashMap<>();
        after.forEach((node, counters) -> {
            Map<String, Long> changed = new TreeMap<>();
            counters.forEach((name, value) -> {
                long diff = value - before.getOrDefault(node, Map.of()).getOrDefault(name, 0L);
                if (diff != 0 && !name.equals("Com_show_status") && !ignored.contains(name)) {
                    changed.put(name, diff);
                }
            });
            delta.put(node, changed);
        });
        return delta;
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server may be gone: nothing to release
            }
        });
    }
}
