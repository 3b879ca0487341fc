package io.github.understudy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.understudy.Setting;
import io.github.understudy.UnderstudyDataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The driver without servers: registration, instances per URL, property info, and no password anywhere. */
class UnderstudyDriverTest {

    private static final String SECRET = "S3cret-in-url";

    private final String db1 = closedAddress();
    private final String db2 = closedAddress();
    private final String url = "jdbc:understudy:mysql://" + db1 + "," + db2 + "/shop?user=app&password=" + SECRET
            + "&admin.username=adm&start-degraded=true&probe-timeout=200ms";

    @AfterEach
    void closeInstances() {
        UnderstudyDriver.closeAll();
    }

    @Test
    void registeredWithDriverManager() throws SQLException {
        assertThat(DriverManager.getDriver(url)).isInstanceOf(UnderstudyDriver.class);
        assertThat(new UnderstudyDriver().connect("jdbc:mysql://" + db1 + "/shop", new Properties())).isNull();
        assertThat(new UnderstudyDriver().acceptsURL("jdbc:understudy:postgresql://x")).isTrue();
    }

    @Test
    void oneInstancePerUrlAndCredentials() throws SQLException {
        UnderstudyDataSource first = UnderstudyDriver.dataSource(url, admin("a"));
        assertThat(UnderstudyDriver.dataSource(url, admin("a"))).isSameAs(first);
        assertThat(UnderstudyDriver.dataSource(url, admin("b"))).isNotSameAs(first);
        assertThat(UnderstudyDriver.dataSource(url + "&name=other", admin("a"))).isNotSameAs(first);
        try (Connection connection = DriverManager.getConnection(url, admin("a"))) {
            assertThat(connection.isReadOnly()).isFalse();
        }
        assertThat(UnderstudyDriver.close(url, admin("a"))).isTrue();
        assertThat(UnderstudyDriver.close(url, admin("a"))).isFalse();
        assertThat(UnderstudyDriver.dataSource(url, admin("a"))).isNotSameAs(first);
    }

    @Test
    void aClosedInstanceIsStartedAgainAtTheNextConnection() throws SQLException {
        UnderstudyDataSource first = UnderstudyDriver.dataSource(url, admin("a"));
        first.close();
        try (Connection connection = DriverManager.getConnection(url, admin("a"))) {
            assertThat(connection).isNotNull();
        }
        assertThat(UnderstudyDriver.dataSource(url, admin("a"))).isNotSameAs(first);
    }

    @Test
    void propertyInfoListsEverySettingWithoutSecrets() {
        DriverPropertyInfo[] infos = new UnderstudyDriver().getPropertyInfo(url, admin("a"));
        assertThat(infos).extracting(i -> i.name)
                .containsExactly(Arrays.stream(Setting.values()).map(Setting::key).toArray(String[]::new));
        assertThat(info(infos, "hosts").value).isEqualTo(db1 + "," + db2);
        assertThat(info(infos, "hosts").required).isTrue();
        assertThat(info(infos, "probe-timeout").value).isEqualTo("200ms");
        assertThat(info(infos, "probe-interval").value).isEqualTo("500ms");
        assertThat(info(infos, "password").value).isNull();
        assertThat(info(infos, "admin.password").value).isNull();
        assertThat(info(infos, "consistency").choices).containsExactly("eventual", "read-your-writes", "strong");
        assertThat(infos).allSatisfy(i -> assertThat(i.description).isNotBlank());
        assertThat(new UnderstudyDriver().getPropertyInfo("jdbc:understudy:mysql://db1", null)).hasSameSizeAs(infos);
    }

    @Test
    void noPasswordInMessagesLogsOrToString() throws SQLException {
        ListAppender<ILoggingEvent> log = capture();
        try {
            UnderstudyDataSource started = UnderstudyDriver.dataSource(url + "&password=" + SECRET, admin(SECRET));
            try (Connection connection = started.getConnection()) {
                assertThat(connection.toString()).doesNotContain(SECRET);
            }
            assertThat(started.toString()).doesNotContain(SECRET);
            SQLException cannotStart = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                    url.replace("start-degraded=true", "start-degraded=false"), admin(SECRET)));
            assertThat(cannotStart.getSQLState()).isEqualTo("08001");
            assertThat(cannotStart.getMessage()).contains("cannot start").contains("password=****");
            SQLException invalid = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                    url + "&probe-interval=often", admin(SECRET)));
            assertThat((Throwable) invalid).isInstanceOf(InvalidJdbcUrlException.class);
            for (Throwable e : List.of(cannotStart, invalid)) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(t.getMessage()).as(t.toString()).doesNotContain(SECRET);
                }
            }
        } finally {
            release(log);
        }
        assertThat(log.list).isNotEmpty();
        assertThat(log.list).allSatisfy(event -> assertThat(everything(event)).doesNotContain(SECRET));
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("password=****"));
    }

    private static String everything(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getMessage());
        }
        return text.toString();
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        for (String name : List.of("io.github.understudy", "com.zaxxer.hikari")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.DEBUG);
        }
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        for (String name : List.of("io.github.understudy", "com.zaxxer.hikari")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
        }
    }

    private static DriverPropertyInfo info(DriverPropertyInfo[] infos, String name) {
        return new ArrayList<>(Arrays.asList(infos)).stream().filter(i -> i.name.equals(name)).findFirst()
                .orElseThrow();
    }

    private static Properties admin(String password) {
        Properties info = new Properties();
        info.setProperty("admin.password", password);
        return info;
    }

    private static String closedAddress() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
