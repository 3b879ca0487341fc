package io.github.understudy.flyway;

import io.github.understudy.jdbc.UnderstudyDriver;

import java.sql.Connection;

import org.flywaydb.database.mysql.MySQLDatabaseType;

/**
 * Tells Flyway that {@code jdbc:understudy:} URLs are opened with {@link UnderstudyDriver}. Flyway picks a database
 * type by the URL's prefix before it connects, and knows only the drivers it ships with; once connected, it picks
 * MySQL's or MariaDB's own type from the server, as for {@code jdbc:mysql:} URLs. Found by Flyway's plugin loader
 * ({@code META-INF/services/org.flywaydb.core.extensibility.Plugin}) when this jar is beside {@code flyway-mysql}.
 */
public class UnderstudyDatabaseType extends MySQLDatabaseType {

    /** Creates the type; Flyway's plugin loader does. */
    public UnderstudyDatabaseType() {
        // stateless
    }

    @Override
    public String getName() {
        return "Understudy";
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith("jdbc:understudy:");
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return UnderstudyDriver.class.getName();
    }

    @Override
    public String getBackupDriverClass(String url, ClassLoader classLoader) {
        return null;
    }

    /** {@return false: a connection's server is MySQL's or MariaDB's own type, not this one} */
    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
                                                        Connection connection) {
        return false;
    }
}
