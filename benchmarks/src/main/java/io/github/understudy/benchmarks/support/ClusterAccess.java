package io.github.understudy.benchmarks.support;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How another JVM (a JMH fork, a fleet's child) reaches the cluster the launching JVM started: addresses and
 * credentials, passed as one system property so that every JVM uses the same servers. The test kit's passwords
 * are letters and digits only.
 *
 * @param master              the master's {@code host:port}
 * @param replicas            the replicas' {@code host:port}
 * @param database            the application's database
 * @param user                the application user
 * @param password            its password
 * @param adminUser           the admin user (Understudy's monitor)
 * @param adminPassword       its password
 * @param replicationUser     the user replicas connect with (for a switchover or a rejoin)
 * @param replicationPassword its password
 */
public record ClusterAccess(String master, List<String> replicas, String database, String user, String password,
                            String adminUser, String adminPassword, String replicationUser,
                            String replicationPassword) {

    /** The system property the other JVM reads. */
    public static final String PROPERTY = "understudy.bench.cluster";

    /**
     * @param cluster a running cluster whose first node is the master
     * @return how to reach it through the test kit's proxies, as an application does
     */
    public static ClusterAccess of(ReplicationCluster cluster) {
        return of(cluster, ClusterNode::address);
    }

    /**
     * @param cluster a running cluster whose first node is the master
     * @return how to reach its servers directly, past the proxies (no network fault is possible then, and the
     *     launching JVM relays no traffic)
     */
    public static ClusterAccess direct(ReplicationCluster cluster) {
        return of(cluster, node -> node.host() + ":" + node.serverPort());
    }

    private static ClusterAccess of(ReplicationCluster cluster, Function<ClusterNode, String> address) {
        List<ClusterNode> nodes = cluster.nodes();
        return new ClusterAccess(address.apply(nodes.get(0)),
                nodes.subList(1, nodes.size()).stream().map(address).toList(), cluster.database(),
                cluster.applicationUser().user(), cluster.applicationUser().password(), cluster.adminUser().user(),
                cluster.adminUser().password(), cluster.replicationUser().user(),
                cluster.replicationUser().password());
    }

    /** @return every node, master first */
    public List<String> hosts() {
        return Stream.concat(Stream.of(master), replicas.stream()).toList();
    }

    /** @return this, encoded for {@link #PROPERTY} */
    public String encode() {
        return String.join("|", master, String.join(",", replicas), database, user, password, adminUser,
                adminPassword, replicationUser, replicationPassword);
    }

    /**
     * @return the access the launching JVM passed in {@link #PROPERTY}
     * @throws IllegalStateException when the property is missing (this JVM was not started by a benchmark)
     */
    public static ClusterAccess fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            throw new IllegalStateException(PROPERTY + " is not set: this JVM must be started by the benchmark that "
                    + "started the cluster (Bench routing or Bench fleet), which passes it");
        }
        String[] parts = value.split("\\|", -1);
        return new ClusterAccess(parts[0], Arrays.asList(parts[1].split(",")), parts[2], parts[3], parts[4],
                parts[5], parts[6], parts[7], parts[8]);
    }
}
