package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.LagSource;
import io.github.understudy.UnderstudyConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The configuration rules that take more than one line: list settings, driver properties, conflicts. */
public final class ConfigRules {

    /** What {@code toString()} shows instead of a secret. */
    public static final String MASK = "****";

    /** Connector/J properties that Understudy sets itself, lower-cased, with the setting to use instead. */
    private static final Map<String, String> OWNED_DRIVER_PROPERTIES = Map.of(
            "user", "username", "password", "password", "dbname", "database",
            "connecttimeout", "connectTimeout", "sockettimeout", "socketTimeout");

    /** Words that make a driver property's value a secret: it is masked wherever the configuration is shown. */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "pwd", "secret", "token",
            "credential");

    private static final Pattern NAME = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_DATABASE_LENGTH = 64;

    private ConfigRules() {
    }

    /**
     * Checks the {@code name} setting: it prefixes log lines and names threads, pools and meters, so it is short and
     * plain (a newline or an escape sequence in it would forge log lines).
     *
     * @return the name
     */
    public static String name(String name) {
        if (!NAME.matcher(Check.notNull("name", name)).matches()) {
            throw Check.invalid("name", "1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit", name);
        }
        return name;
    }

    /**
     * Checks the {@code database} setting against what MySQL and MariaDB accept as a database name (1 to 64
     * characters of the Unicode Basic Multilingual Plane, not ending with a space), without control characters.
     * URL metacharacters are fine: the name is escaped where it goes into a URL.
     *
     * @return the name
     */
    public static String database(String database) {
        Check.notBlank("database", database);
        boolean bmp = database.codePoints().allMatch(c -> c <= 0xFFFF && !Character.isISOControl(c));
        if (!bmp || database.length() > MAX_DATABASE_LENGTH || database.endsWith(" ")) {
            throw Check.invalid("database", "1 to " + MAX_DATABASE_LENGTH + " characters of the Unicode BMP, without "
                    + "control characters or a trailing space", database);
        }
        return database;
    }

    /**
     * Checks a user name setting: not blank, without control characters (it shows in logs and server errors).
     *
     * @return the name
     */
    public static String username(String setting, String username) {
        if (Check.notBlank(setting, username).chars().anyMatch(Character::isISOControl)) {
            throw Check.invalid(setting, "non-blank, without control characters", username);
        }
        return username;
    }

    /**
     * Parses the {@code hosts} setting.
     *
     * @param hostAndPorts the addresses as text
     * @return the addresses, in order
     * @throws IllegalArgumentException when the list is empty, an entry does not parse, or an address repeats
     */
    public static List<HostAndPort> hosts(List<String> hostAndPorts) {
        Check.notNull("hosts", hostAndPorts);
        if (hostAndPorts.isEmpty()) {
            throw Check.invalid("hosts", "non-empty", hostAndPorts);
        }
        List<HostAndPort> parsed = new ArrayList<>();
        Set<HostAndPort> seen = new HashSet<>();
        for (int i = 0; i < hostAndPorts.size(); i++) {
            HostAndPort address = AddressParser.parse("hosts[" + i + "]", hostAndPorts.get(i));
            if (!seen.add(address)) {
                throw Check.invalid("hosts", "without duplicates", hostAndPorts, ": " + address + " appears twice");
            }
            parsed.add(address);
        }
        return List.copyOf(parsed);
    }

    /**
     * Checks the {@code driverProperties} setting.
     *
     * @param properties the Connector/J properties
     * @return an unmodifiable copy, in the given order
     * @throws IllegalArgumentException when a key is one Understudy sets itself
     */
    public static Map<String, String> driverProperties(Map<String, String> properties) {
        Check.notNull("driverProperties", properties);
        Map<String, String> copy = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            Check.notNull("driverProperties key", key);
            Check.notNull("driverProperties[" + key + "]", value);
            String instead = OWNED_DRIVER_PROPERTIES.get(key.toLowerCase(Locale.ROOT));
            if (instead != null) {
                throw Check.invalid("driverProperties", "free of the keys Understudy sets itself", key,
                        ": Understudy sets '" + key + "' from the " + instead + " setting, use that instead");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Shows driver properties with the values of password-like keys masked.
     *
     * @param properties the properties
     * @return a sorted copy with {@link #MASK} for keys that look secret ({@link #secret(String)})
     */
    public static Map<String, String> maskSecrets(Map<String, String> properties) {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((key, value) -> shown.put(key, secret(key) ? MASK : value));
        return shown;
    }

    /**
     * @param key a driver property's name
     * @return whether its value is a secret: the name contains "password", "passwd", "pwd", "secret", "token" or
     *     "credential", in any case ({@code trustCertificateKeyStorePassword}, {@code password1}, ...)
     */
    public static boolean secret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    /**
     * Checks that a list setting has no null element.
     *
     * @return the list
     */
    public static <T> List<T> noNulls(String setting, List<T> values) {
        Check.notNull(setting, values);
        for (int i = 0; i < values.size(); i++) {
            Check.notNull(setting + "[" + i + "]", values.get(i));
        }
        return values;
    }

    /**
     * Checks the settings against each other: required settings, the master and weights among the hosts, and the
     * lag settings.
     *
     * @param config the configuration about to be handed out
     * @throws IllegalArgumentException naming the settings involved
     */
    public static void checkTogether(UnderstudyConfig config) {
        if (config.healthyProbeInterval().compareTo(config.probeInterval()) < 0) {
            throw Check.invalid("healthyProbeInterval", ">= probeInterval (" + config.probeInterval() + ")",
                    config.healthyProbeInterval());
        }
        required("hosts", config.hosts().isEmpty() ? null : config.hosts());
        required("username", config.username());
        required("password", config.password());
        required("adminUsername", config.adminUsername());
        required("adminPassword", config.adminPassword());
        config.master().filter(m -> !config.hosts().contains(m)).ifPresent(m -> {
            throw Check.invalid("master", "one of hosts " + config.hosts(), m);
        });
        for (HostAndPort weighted : Selectors.nodesNamedBy(config.readStrategy())) {
            if (!config.hosts().contains(weighted)) {
                throw Check.invalid("readStrategy", "weighing only hosts " + config.hosts(), config.readStrategy(),
                        ": it weighs " + weighted);
            }
        }
        checkLag(config.lagSource(), config.maxReplicaLag(), config.heartbeatInterval());
        checkMarks("failover.neverPromote", config.failover().neverPromote(), config.hosts());
        checkMarks("failover.preferPromote", config.failover().preferPromote(), config.hosts());
    }

    private static void checkMarks(String setting, java.util.Set<HostAndPort> marked, java.util.List<HostAndPort> hosts) {
        for (HostAndPort node : marked) {
            if (!hosts.contains(node)) {
                throw Check.invalid(setting, "a subset of hosts " + hosts, node);
            }
        }
    }

    private static void required(String setting, Object value) {
        if (value == null) {
            throw new io.github.understudy.InvalidSettingException(setting, "set", "not set", "");
        }
    }

    private static void checkLag(LagSource source, Duration maxLag, Duration heartbeatInterval) {
        Duration second = Duration.ofSeconds(1);
        if (source == LagSource.SECONDS_BEHIND_MASTER && maxLag.compareTo(second) < 0) {
            throw Check.invalid("maxReplicaLag", ">= " + second
                    + " with lagSource=SECONDS_BEHIND_MASTER, which counts whole seconds", maxLag,
                    ": use lagSource=HEARTBEAT for a finer limit");
        }
        if (source == LagSource.HEARTBEAT && heartbeatInterval.compareTo(maxLag) >= 0) {
            throw Check.invalid("heartbeatInterval", "< maxReplicaLag (" + maxLag + ") with lagSource=HEARTBEAT",
                    heartbeatInterval);
        }
    }
}
