package io.github.understudy.benchmarks.support;

import io.github.understudy.UnderstudyConfig;
import io.github.understudy.testkit.ReplicationCluster;

/**
 * Understudy configured for a test-kit cluster with the <em>default</em> settings, so that what is measured is
 * what a user gets; only the addresses and credentials come from the cluster.
 */
public final class ClusterConfigs {

    private ClusterConfigs() {
    }

    /**
     * @param cluster the cluster
     * @param name    the DataSource's name (prefix of its threads and pools)
     * @return a builder with the defaults, the cluster's hosts, database and users
     */
    public static UnderstudyConfig.Builder defaults(ReplicationCluster cluster, String name) {
        return defaults(ClusterAccess.of(cluster), name);
    }

    /**
     * @param cluster how another JVM reaches the cluster
     * @param name    the DataSource's name (prefix of its threads and pools)
     * @return a builder with the defaults, the cluster's hosts, database and users
     */
    public static UnderstudyConfig.Builder defaults(ClusterAccess cluster, String name) {
        return UnderstudyConfig.builder()
                .name(name)
                .hosts(cluster.hosts())
                .database(cluster.database())
                .username(cluster.user()).password(cluster.password())
                .adminUsername(cluster.adminUser()).adminPassword(cluster.adminPassword());
    }
}
