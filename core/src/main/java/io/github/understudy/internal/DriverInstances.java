package io.github.understudy.internal;

import io.github.understudy.UnderstudyDataSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Understudy instances of the JDBC driver: one {@link UnderstudyDataSource} per URL and {@code Properties}
 * (credentials included) for the JVM, started on first use, closed by {@link #closeAll()} or at JVM shutdown.
 * Instances are found by a SHA-256 digest of the URL and properties, so no password is kept as a key, and the
 * start of one instance does not hold up connections of another.
 */
public final class DriverInstances {

    private static final Logger LOG = LoggerFactory.getLogger(DriverInstances.class);

    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private volatile boolean hookAdded;

    /** One URL's instance; its lock is held while it starts, by the callers of that URL only. */
    private static final class Instance {
        private UnderstudyDataSource dataSource;
    }

    /**
     * A connection from the instance of this URL and these properties, started on first use. A closed instance
     * (closed through {@link io.github.understudy.jdbc.UnderstudyDriver#dataSource}) is started again.
     *
     * @throws SQLException an {@link io.github.understudy.jdbc.InvalidJdbcUrlException} for a bad setting, or SQLState
     *                      08001 when the instance cannot start (no master, wrong credentials), with the cause
     */
    public Connection connect(String url, Properties info) throws SQLException {
        UnderstudyDataSource dataSource = dataSource(url, info);
        try {
            return dataSource.getConnection();
        } catch (SQLException closed) {
            // getConnection() fails only when the DataSource was closed: start a fresh one, once.
            Instance instance = instances.get(key(url, info));
            if (instance != null) {
                synchronized (instance) {
                    if (instance.dataSource == dataSource) {
                        instance.dataSource = null;
                    }
                }
            }
            return dataSource(url, info).getConnection();
        }
    }

    /** {@return the instance of this URL and these properties, started now if there is none}. */
    public UnderstudyDataSource dataSource(String url, Properties info) throws SQLException {
        String key = key(url, info);
        while (true) {
            Instance instance = instances.computeIfAbsent(key, k -> new Instance());
            synchronized (instance) {
                if (instances.get(key) != instance) {
                    continue; // its start failed, or it was closed, while this thread waited: take the new one
                }
                if (instance.dataSource == null) {
                    try {
                        instance.dataSource = start(url, info);
                    } catch (SQLException e) {
                        instances.remove(key, instance);
                        throw e;
                    }
                }
                return instance.dataSource;
            }
        }
    }

    /** {@return whether there was an instance of this URL and these properties; it is closed now} */
    public boolean close(String url, Properties info) {
        Instance instance = instances.remove(key(url, info));
        return instance != null && close(instance);
    }

    /** Closes every instance; connections still open fail at their next use. */
    public void closeAll() {
        for (String key : new ArrayList<>(instances.keySet())) {
            Instance instance = instances.remove(key);
            if (instance != null) {
                close(instance);
            }
        }
    }

    private UnderstudyDataSource start(String url, Properties info) throws SQLException {
        UrlSettings.Parsed parsed = UrlSettings.parse(url, info);
        String name = parsed.config().name();
        if (!parsed.unknown().isEmpty()) {
            LOG.warn("{} - passed to Connector/J, which does not know them either: {}", name, parsed.unknown());
        }
        addShutdownHook();
        try {
            UnderstudyDataSource dataSource = new UnderstudyDataSource(parsed.config());
            LOG.info("{} - started for {} (one instance per URL and credentials in this JVM)", name,
                    JdbcUrl.redacted(url));
            return dataSource;
        } catch (RuntimeException e) {
            throw new SQLException(name + " - cannot start for " + JdbcUrl.redacted(url) + ": " + e.getMessage(),
                    "08001", e);
        }
    }

    private static boolean close(Instance instance) {
        synchronized (instance) {
            if (instance.dataSource == null) {
                return false;
            }
            instance.dataSource.close();
            instance.dataSource = null;
            return true;
        }
    }

    private void addShutdownHook() {
        if (!hookAdded) {
            synchronized (this) {
                if (!hookAdded) {
                    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "understudy-driver-shutdown"));
                    hookAdded = true;
                }
            }
        }
    }

    /** A digest of the URL and every property, in name order: equal for equal settings and credentials. */
    private static String key(String url, Properties info) {
        Map<String, String> sorted = new TreeMap<>();
        if (info != null) {
            info.stringPropertyNames().forEach(name -> sorted.put(name, info.getProperty(name)));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(url.getBytes(StandardCharsets.UTF_8));
            sorted.forEach((name, value) -> {
                digest.update((byte) 0);
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(value.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
