package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No password, and no value of a password-like driver property, appears in any log line at any level: Understudy's
 * own, and HikariCP's DEBUG dump of each pool's configuration (which masks only a property named "password").
 */
class SecretsNeverLoggedTest {

    private static final List<String> SECRETS = List.of("AppS3cret", "AdminS3cret", "TrustStoreS3cret",
            "ClientStoreS3cret", "MfaS3cret", "TokenS3cret");

    @Test
    void noSecretAppearsInAnyLogLineAtAnyLevel() throws Exception {
        List<ILoggingEvent> events = captureEverything(() -> {
            UnderstudyConfig config = UnderstudyConfig.builder().name("secrets")
                    .hosts("127.0.0.1:" + closedPort(), "127.0.0.1:" + closedPort()).database("appdb")
                    .username("app").password("AppS3cret").adminUsername("admin").adminPassword("AdminS3cret")
                    .driverProperties(Map.of("trustCertificateKeyStorePassword", "TrustStoreS3cret",
                            "clientCertificateKeyStorePassword", "ClientStoreS3cret", "password1", "MfaS3cret",
                            "ociAuthToken", "TokenS3cret"))
                    .probeTimeout(Duration.ofMillis(200)).connectTimeout(Duration.ofMillis(200))
                    .masterWaitTimeout(Duration.ZERO).startDegraded(true).build();
            try (UnderstudyDataSource dataSource = new UnderstudyDataSource(config);
                 Connection connection = dataSource.getConnection()) {
                LoggerFactory.getLogger(SecretsNeverLoggedTest.class).info("configuration: {}", config);
                assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class);
                connection.setReadOnly(true);
                assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class);
            }
        });

        assertThat(events).as("HikariCP's DEBUG dump of a pool's configuration was captured")
                .anyMatch(e -> e.getLoggerName().startsWith("com.zaxxer.hikari") && e.getLevel() == Level.DEBUG
                        && e.getFormattedMessage().contains("dataSource"));
        for (ILoggingEvent event : events) {
            assertThat(text(event)).as("%s %s", event.getLevel(), event.getLoggerName())
                    .doesNotContain(SECRETS);
        }
    }

    /** The line as any appender could write it: the message with its arguments, and every exception's message. */
    private static String text(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static List<ILoggingEvent> captureEverything(Work work) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
        try {
            work.run();
        } finally {
            root.setLevel(level);
            root.detachAppender(appender);
        }
        synchronized (appender.list) {
            return new ArrayList<>(appender.list);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
