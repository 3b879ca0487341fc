package io.github.understudy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void parsesEngineNames() {
        assertThat(Engine.parse("mariadb").name()).isEqualTo("mariadb");
        assertThat(Engine.parse("MySQL").name()).isEqualTo("mysql");
        assertThat(Engine.parse("mysql:8.0.31").name()).isEqualTo("mysql:8.0.31");
        assertThat(Engine.parse("binary:/usr/sbin/mysqld").name()).isEqualTo("binary:/usr/sbin/mysqld");
        assertThat(Engine.parse("testcontainers:mysql:8.4").name()).isEqualTo("testcontainers:mysql:8.4");
    }

    @Test
    void rejectsUnknownEngineNamingTheSettingAndValue() {
        assertThatThrownBy(() -> Engine.parse("postgres")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("understudy.testkit.engine must be one of mariadb, mysql, mysql:<version>, binary:<path>, "
                        + "testcontainers:<image>, but was 'postgres'");
    }

    @Test
    void rejectsAMySqlBuildThatNoJarHolds() {
        assertThatThrownBy(() -> Engine.parse("mysql:8.4.3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MySQL version must be one of [8.0.15, 8.0.31], but was 8.4.3");
    }

    @Test
    void saysWhyAnEngineCannotRunHere() {
        assertThat(Engine.binary(java.nio.file.Path.of("/nope/mariadbd")).whyUnavailable())
                .contains("/nope/mariadbd is not installed on this machine");
        assertThat(Engine.mariadb().whyUnavailable()).isEmpty();
        assertThat(Engine.mysql("8.0.31").whyUnavailable()).as("the jar is a test dependency").isEmpty();
    }

    @Test
    void builderRejectsBadSettingsWithTheRuleAndValue() {
        assertThatThrownBy(() -> ReplicationCluster.builder().replicas(9))
                .hasMessage("replicas must be between 0 and 8, but was 9");
        assertThatThrownBy(() -> ReplicationCluster.builder().database("app-db"))
                .hasMessage("database must be 1-64 letters, digits or '_', but was app-db");
        assertThatThrownBy(() -> ReplicationCluster.builder().maxConnections(5))
                .hasMessage("maxConnections must be between 10 and 10000, but was 5");
    }

    @Test
    void binaryEngineRejectsAPathThatIsNotAServer() {
        assertThatThrownBy(() -> ReplicationCluster.builder().engine(Engine.binary(java.nio.file.Path.of("/nope/mysqld")))
                .replicas(0).start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binary must be an executable mysqld or mariadbd, but was /nope/mysqld");
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertThat(new Credentials("app", "s3cret")).hasToString("app/****");
    }
}
