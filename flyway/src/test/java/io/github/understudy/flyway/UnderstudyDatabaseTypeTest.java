package io.github.understudy.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.jdbc.UnderstudyDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UnderstudyDatabaseTypeTest {

    private final UnderstudyDatabaseType type = new UnderstudyDatabaseType();

    @Test
    void opensUnderstudyUrlsWithTheDriverAndLeavesTheServerToMySqlOrMariaDb() {
        assertThat(type.handlesJDBCUrl("jdbc:understudy:mysql://db1:3306/shop")).isTrue();
        assertThat(type.handlesJDBCUrl("jdbc:understudy:mariadb://db1:3306/shop")).isTrue();
        assertThat(type.handlesJDBCUrl("jdbc:mysql://db1:3306/shop")).isFalse();
        assertThat(type.getDriverClass("jdbc:understudy:mysql://db1:3306/shop", getClass().getClassLoader()))
                .isEqualTo(UnderstudyDriver.class.getName());
        assertThat(type.handlesDatabaseProductNameAndVersion("MySQL", "11.4.5-MariaDB-log", null)).isFalse();
    }

    @Test
    void registeredAsAFlywayPlugin() throws IOException {
        try (InputStream services = getClass().getResourceAsStream(
                "/META-INF/services/org.flywaydb.core.extensibility.Plugin")) {
            assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(UnderstudyDatabaseType.class.getName());
        }
    }
}
