package io.github.understudy.benchmarks.routing;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.util.Arrays;
import java.util.List;

/**
 * How a JMH fork reaches the cluster the launching JVM started: addresses and credentials, passed as one system
 * property so that every fork measures the same servers. The test kit's passwords are letters and digits only.
 *
 * @param master        the master's {@code host:port} (through its proxy, as the application connects)
 * @param replicas      the replicas' {@code host:port}
 * @param database      the application's database
 * @param user          the application user
 * @param password      its password
 * @param adminUser     the admin user (Understudy's monitor)
 * @param adminPassword its password
 */
public record ClusterAccess(String master, List<String> replicas, String database, String user, String password,
                            String adminUser, String adminPassword) {

    /** The system property a fork reads. */
    public static final String PROPERTY = "understudy.bench.cluster";

    /**
     * @param cluster a running cluster whose first node is the master
     * @return how to reach it
     */
    public static ClusterAccess of(ReplicationCluster cluster) {
        List<ClusterNode> nodes = cluster.nodes();
        return new ClusterAccess(nodes.get(0).address(),
                nodes.subList(1, nodes.size()).stream().map(ClusterNode::address).toList(), cluster.database(),
                cluster.applicationUser().user(), cluster.applicationUser().password(), cluster.adminUser().user(),
                cluster.adminUser().password());
    }

    /** @return every node, master first */
    public List<String> hosts() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(master), replicas.stream()).toList();
    }

    /** @return this, encoded for {@link #PROPERTY} */
    public String encode() {
        return String.join("|", master, String.join(",", replicas), database, user, password, adminUser,
                adminPassword);
    }

    /**
     * @return the access the launching JVM passed in {@link #PROPERTY}
     * @throws IllegalStateException when the property is missing (the benchmark was not started by RoutingMain)
     */
    public static ClusterAccess fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            throw new IllegalStateException(PROPERTY + " is not set: run the routing benchmark through "
                    + "RoutingMain (Bench routing), which starts the cluster and passes it to every fork");
        }
        String[] parts = value.split("\\|", -1);
        return new ClusterAccess(parts[0], Arrays.asList(parts[1].split(",")), parts[2], parts[3], parts[4],
                parts[5], parts[6]);
    }
}
