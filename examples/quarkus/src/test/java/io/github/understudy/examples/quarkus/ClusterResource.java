package io.github.understudy.examples.quarkus;

import io.github.understudy.jdbc.UnderstudyDriver;
import io.github.understudy.testkit.ReplicationCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a MariaDB 1+2 cluster with the test kit and hands its address and users to the application's URL. */
public class ClusterResource implements QuarkusTestResourceLifecycleManager {

    static ReplicationCluster cluster;

    @Override
    public Map<String, String> start() {
        cluster = ReplicationCluster.builder().replicas(2).start();
        return Map.of("cluster.hosts", String.join(",", cluster.addresses()),
                "cluster.database", cluster.database(),
                "cluster.user", cluster.applicationUser().user(),
                "cluster.password", cluster.applicationUser().password(),
                "cluster.admin-user", cluster.adminUser().user(),
                "cluster.admin-password", cluster.adminUser().password());
    }

    @Override
    public void stop() {
        UnderstudyDriver.closeAll();
        if (cluster != null) {
            cluster.close();
        }
    }
}
