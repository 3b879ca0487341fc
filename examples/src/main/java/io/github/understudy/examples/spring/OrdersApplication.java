package io.github.understudy.examples.spring;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.SpringProperties;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot REST application on Understudy through {@code understudy-spring-boot-starter}: read-only
 * service methods run on replicas, the others on the master. Run it from the repository's root with
 * {@code mvn -B -q -Pspring-sample -pl examples -am -DskipTests -DskipPublishable verify}, then use
 * {@code curl} as the README shows; Ctrl-C stops the application and the cluster.
 *
 * <p>Only {@link #main} is about the sample's setting: it starts a throw-away MariaDB cluster with the test kit
 * and hands its addresses and users to Spring as {@code understudy.*} properties, which a real application keeps
 * in {@code application.yml} instead.
 */
@SpringBootApplication
public class OrdersApplication {

    /**
     * Starts a cluster (1 master, 2 replicas), then the application on it.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        ReplicationCluster cluster = ReplicationCluster.builder().replicas(2).name("spring-sample").start();
        SpringApplication application = new SpringApplication(OrdersApplication.class);
        application.setDefaultProperties(understudyProperties(cluster));
        // One hook for both, in order: the application (and its DataSource) first, then the servers.
        application.setRegisterShutdownHook(false);
        ConfigurableApplicationContext context = application.run(args);
        context.getBeanFactory().registerSingleton("replicationCluster", cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            cluster.close();
        }, "orders-shutdown"));
    }

    /**
     * What a real application writes in application.yml, with this cluster's addresses and users (the replication
     * user too, so that an old master that comes back rejoins as a replica instead of staying fenced).
     */
    static Map<String, Object> understudyProperties(ReplicationCluster cluster) {
        Map<String, Object> properties = new LinkedHashMap<>(SpringProperties.of(cluster));
        properties.put("spring.sql.init.mode", "always");
        properties.put("spring.sql.init.schema-locations", "classpath:orders-schema.sql");
        return properties;
    }
}
