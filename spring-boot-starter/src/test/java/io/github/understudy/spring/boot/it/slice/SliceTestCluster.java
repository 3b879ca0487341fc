package io.github.understudy.spring.boot.it.slice;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.SpringProperties;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cluster of the slice tests, handed to Spring through the test kit's {@link SpringProperties}: one for all of
 * them, stopped when the JVM exits; each test class closes its context (and so its DataSource) when it ends.
 */
@DirtiesContext
abstract class SliceTestCluster {

    static final ReplicationCluster CLUSTER = ReplicationCluster.builder().replicas(1).start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(CLUSTER::close, "slice-cluster-stop"));
    }

    @DynamicPropertySource
    static void understudy(DynamicPropertyRegistry registry) {
        SpringProperties.register(CLUSTER, registry::add);
        registry.add("understudy.probe-interval", () -> "200ms");
        registry.add("understudy.pool.master.minimum-idle", () -> "1");
        registry.add("understudy.pool.replica.minimum-idle", () -> "1");
    }
}
