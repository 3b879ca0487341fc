package io.github.understudy.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The {@code understudy.*} properties that point a Spring Boot application at a cluster, for a Spring test's
 * {@code @DynamicPropertySource} (the test kit does not depend on Spring: the registry's {@code add} is passed in):
 *
 * <pre>{@code
 * @JdbcTest
 * @AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
 * class OrdersTest {
 *     static final ReplicationCluster CLUSTER = ReplicationCluster.builder().start();
 *
 *     @DynamicPropertySource
 *     static void understudy(DynamicPropertyRegistry registry) {
 *         SpringProperties.register(CLUSTER, registry::add);
 *     }
 *
 *     @AfterAll
 *     static void stop() {
 *         CLUSTER.close();
 *     }
 * }
 * }</pre>
 */
public final class SpringProperties {

    private SpringProperties() {
    }

    /**
     * {@return the cluster's hosts, database and users as {@code understudy.*} properties, in a stable order}
     *
     * @param cluster a started cluster
     */
    public static Map<String, String> of(ReplicationCluster cluster) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("understudy.hosts", String.join(",", cluster.addresses()));
        properties.put("understudy.database", cluster.database());
        properties.put("understudy.username", cluster.applicationUser().user());
        properties.put("understudy.password", cluster.applicationUser().password());
        properties.put("understudy.admin.username", cluster.adminUser().user());
        properties.put("understudy.admin.password", cluster.adminUser().password());
        properties.put("understudy.failover.replication.username", cluster.replicationUser().user());
        properties.put("understudy.failover.replication.password", cluster.replicationUser().password());
        return properties;
    }

    /**
     * Adds the cluster's properties to a Spring {@code DynamicPropertyRegistry}.
     *
     * @param cluster a started cluster
     * @param registry the registry's {@code add} method: {@code registry::add}
     */
    public static void register(ReplicationCluster cluster, BiConsumer<String, Supplier<Object>> registry) {
        of(cluster).forEach((name, value) -> registry.accept(name, () -> value));
    }
}
