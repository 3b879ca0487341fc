package io.github.understudy.examples.starteronly;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the starter-only application in a JVM of its own, with exactly its runtime classpath (the starter and what
 * it brings, nothing from the tests), configured by the README's Quickstart files as they are printed there: only
 * the host list is replaced by the test cluster's, and the passwords come from the environment variables the
 * files name. The users are the README's (the admin user gets the Grants section's privileges).
 */
@WithReplicationCluster(replicas = 2)
class QuickstartIT {

    private static final String ADMIN = "understudy";
    private static final String ADMIN_PASSWORD = "Admin-pw-1";
    private static final String README_HOSTS = "db1:3306,db2:3306,db3:3306";

    private final ReplicationCluster cluster;
    private final Readme readme;

    QuickstartIT(ReplicationCluster cluster) throws IOException {
        this.cluster = cluster;
        this.readme = Readme.read(Path.of(System.getProperty("quickstart.readme")));
    }

    @BeforeEach
    void readmeUsers() {
        List<String> sql = new ArrayList<>(List.of("CREATE DATABASE IF NOT EXISTS shop",
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE ON shop.* TO 'app'@'%'",
                "CREATE USER IF NOT EXISTS '" + ADMIN + "'@'%' IDENTIFIED BY '" + ADMIN_PASSWORD + "'"));
        String family = cluster.flavor() == Flavor.MARIADB ? "-- MariaDB" : "-- MySQL";
        readme.grants(family).stream().filter(s -> !s.startsWith("CREATE USER")).forEach(sql::add);
        cluster.execute(cluster.master(), sql.toArray(String[]::new));
        cluster.awaitReplicasCaughtUp();
    }

    @Test
    void startsWithTheReadmeYaml(@TempDir Path directory) throws Exception {
        String yaml = readme.block("### Spring Boot", "yaml");
        assertThat(yaml).contains(README_HOSTS);
        Files.writeString(directory.resolve("application.yml"), yaml.replace(README_HOSTS, hosts()));

        assertStartsAndRoutes(directory);
    }

    @Test
    void startsWithTheReadmeProperties(@TempDir Path directory) throws Exception {
        String properties = readme.block("### Spring Boot", "properties");
        assertThat(properties).contains(README_HOSTS);
        Files.writeString(directory.resolve("application.properties"), properties.replace(README_HOSTS, hosts()));

        assertStartsAndRoutes(directory);
    }

    /** Spring Boot reads application.yml / .properties from the working directory, as from the classpath. */
    private void assertStartsAndRoutes(Path directory) throws Exception {
        Path output = directory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), ShopApplication.class.getName())
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("DB_PASSWORD", cluster.applicationUser().password());
        environment.put("DB_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("DB_REPL_PASSWORD", cluster.replicationUser().password());
        Process application = builder.start();
        try {
            assertThat(application.waitFor(2, TimeUnit.MINUTES)).as("the application ended").isTrue();
        } finally {
            application.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(application.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Started ShopApplication") // Boot's own line: there is a logging backend
                .containsPattern("quickstart: placed order-\\d+ on server_id " + master().serverId()
                        + ", read it back on server_id (" + replicaIds() + ")\\n");
    }

    private String hosts() {
        return String.join(",", cluster.addresses());
    }

    private ClusterNode master() {
        return cluster.master();
    }

    private String replicaIds() {
        return String.join("|", cluster.replicas().stream().map(n -> String.valueOf(n.serverId())).toList());
    }

    private static String classpath() throws IOException {
        return System.getProperty("quickstart.classpath") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("quickstart.classpathFile"))).strip();
    }
}
