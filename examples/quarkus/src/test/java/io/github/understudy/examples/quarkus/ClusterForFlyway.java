package io.github.understudy.examples.quarkus;

import io.github.understudy.testkit.ReplicationCluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a MariaDB 1+2 cluster in Maven's JVM and writes a Flyway configuration file for it, so that the Flyway
 * Maven plugin, next in the build, migrates it through a jdbc:understudy: URL. The test kit stops the servers when
 * Maven's JVM exits.
 */
public final class ClusterForFlyway {

    private static ReplicationCluster cluster;

    private ClusterForFlyway() {
    }

    /** @param args the path of the Flyway configuration file to write */
    public static void main(String[] args) throws IOException, ClassNotFoundException {
        // Maven's JVM set up DriverManager before this class loader existed: register Connector/J with it here.
        Class.forName("com.mysql.cj.jdbc.Driver");
        cluster = ReplicationCluster.builder().replicas(2).start();
        String url = "jdbc:understudy:mariadb://" + String.join(",", cluster.addresses()) + "/" + cluster.database()
                + "?name=flyway-plugin";
        Files.write(Path.of(args[0]), List.of(
                "flyway.url=" + url,
                "flyway.user=" + cluster.applicationUser().user(),
                "flyway.password=" + cluster.applicationUser().password(),
                "flyway.jdbcProperties.adminUsername=" + cluster.adminUser().user(),
                "flyway.jdbcProperties.adminPassword=" + cluster.adminUser().password()));
        System.out.println("cluster for the Flyway Maven plugin: " + url);
    }
}
