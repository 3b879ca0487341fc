package io.github.understudy.benchmarks.support;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.util.List;
import java.util.Map;

/**
 * The harnesses' own root queries, retried a bounded number of times: on a busy machine the test kit's control
 * connection (3 s to connect and log in) can time out, which says nothing about what is measured.
 */
public final class Control {

    private static final int ATTEMPTS = 3;

    private Control() {
    }

    /**
     * @param cluster the cluster
     * @param node    the node, queried directly as root
     * @param sql     the query
     * @return its rows
     * @throws IllegalStateException when every attempt failed
     */
    public static List<Map<String, Object>> query(ReplicationCluster cluster, ClusterNode node, String sql) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return cluster.query(node, sql);
            } catch (IllegalStateException e) {
                last = e;
                Sleep.millis(500L * attempt);
            }
        }
        throw last;
    }

    /**
     * @param cluster the cluster
     * @param node    the node
     * @param user    a user name
     * @return how many sessions of that user the node has now
     */
    public static int sessions(ReplicationCluster cluster, ClusterNode node, String user) {
        return ((Number) query(cluster, node, "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST "
                + "WHERE USER = '" + user + "'").get(0).get("n")).intValue();
    }
}
