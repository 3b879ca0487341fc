package io.github.understudy.internal;

import static io.github.understudy.internal.TextValues.bool;
import static io.github.understudy.internal.TextValues.constant;
import static io.github.understudy.internal.TextValues.duration;
import static io.github.understudy.internal.TextValues.integer;

import io.github.understudy.Consistency;
import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.InvalidSettingException;
import io.github.understudy.LagSource;
import io.github.understudy.PoolSettings;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.Setting;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.jdbc.InvalidJdbcUrlException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code jdbc:understudy:} URL and its {@code Properties} into an {@link UnderstudyConfig}: each
 * {@link Setting} by its key (or builder name), values read by {@link TextValues}, every value checked by the
 * builder. {@code Properties} entries win over URL parameters. Names that are not settings go to Connector/J; a name
 * that looks like a mistyped setting is refused. Errors are {@link InvalidJdbcUrlException}s naming the parameter as
 * it was written, the rule and the value (never a secret's).
 */
final class UrlSettings {

    private static final Pattern WEIGHT = Pattern.compile("weights\\[(.+)]", Pattern.CASE_INSENSITIVE);

    private final Map<Setting, Given> settings = new EnumMap<>(Setting.class);
    private final Map<HostAndPort, Given> weights = new LinkedHashMap<>();
    private final Map<String, String> driverProperties = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();

    /** What a URL configures, and the names it passed to Connector/J without either knowing them. */
    public record Parsed(UnderstudyConfig config, List<String> unknown) {
    }

    /** A value as the user gave it: its name as written, and where ("URL parameter", "property"). */
    private record Given(String name, String value, String origin) {

        String who() {
            return origin + " " + name;
        }

        String shown() {
            return SettingNames.isSecret(name) ? ConfigRules.MASK : "'" + value + "'";
        }
    }

    private UrlSettings() {
    }

    /**
     * Reads the settings of a URL and its properties.
     *
     * @param url  a URL that {@link JdbcUrl#accepts} accepts
     * @param info the {@code Properties} given with it, or null
     * @return the configuration, not yet started
     * @throws InvalidJdbcUrlException naming the parameter, the rule and the value
     */
    public static Parsed parse(String url, Properties info) throws InvalidJdbcUrlException {
        JdbcUrl parsed = JdbcUrl.parse(url);
        UrlSettings settings = new UrlSettings();
        for (Map.Entry<String, String> parameter : parsed.parameters()) {
            settings.add(new Given(parameter.getKey(), parameter.getValue(), "URL parameter"));
        }
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                settings.add(new Given(name, info.getProperty(name), "property"));
            }
        }
        return new Parsed(settings.build(parsed.hosts(), parsed.database()), List.copyOf(settings.unknown));
    }

    private void add(Given given) throws InvalidJdbcUrlException {
        String name = given.name();
        Matcher weight = WEIGHT.matcher(name);
        if (name.regionMatches(true, 0, SettingNames.DRIVER_PROPERTY_PREFIX, 0,
                SettingNames.DRIVER_PROPERTY_PREFIX.length())) {
            driverProperties.put(name.substring(SettingNames.DRIVER_PROPERTY_PREFIX.length()), given.value());
        } else if (weight.matches()) {
            HostAndPort node = get(given, () -> AddressParser.parse(name, weight.group(1)));
            weights.put(node, given);
        } else if (SettingNames.setting(name).isPresent()) {
            addSetting(SettingNames.setting(name).get(), given);
        } else if (SettingNames.isConnectorJProperty(name)) {
            driverProperties.put(name, given.value());
        } else if (SettingNames.looksLikeSetting(name)) {
            String rule = "an Understudy setting or a Connector/J property";
            throw new InvalidJdbcUrlException(given.origin() + " " + name + " must be " + rule + ", but was '" + name
                    + "' (did you mean " + SettingNames.closest(name).key() + "?)", name, rule, "'" + name + "'", null);
        } else {
            driverProperties.put(name, given.value());
            unknown.add(name);
        }
    }

    private void addSetting(Setting setting, Given given) throws InvalidJdbcUrlException {
        String instead = switch (setting) {
            case HOSTS -> "given by the URL's host list";
            case DATABASE -> "given by the URL's path";
            case DRIVER_PROPERTIES -> "written driver-properties.<name>";
            case WEIGHTS -> "written weights[host:port]";
            default -> null;
        };
        if (instead != null) {
            throw new InvalidJdbcUrlException(given.who() + " must be " + instead + ", but was " + given.shown(),
                    given.name(), instead, given.shown(), null);
        }
        settings.put(setting, given);
    }

    private UnderstudyConfig build(List<String> hosts, String database) throws InvalidJdbcUrlException {
        UnderstudyConfig.Builder builder = UnderstudyConfig.builder();
        Given url = new Given("hosts", String.join(",", hosts), "URL");
        run(url, () -> builder.hosts(hosts));
        run(new Given("database", database, "URL"), () -> builder.database(database));
        PoolSettings.Builder master = PoolSettings.builder();
        PoolSettings.Builder replica = PoolSettings.builder();
        FailoverSettings.Builder failover = FailoverSettings.builder();
        for (Map.Entry<Setting, Given> entry : settings.entrySet()) {
            Consumer<String> applier = applier(entry.getKey(), entry.getValue().name(), builder, failover);
            Consumer<String> chosen = applier != null ? applier
                    : poolApplier(entry.getKey(), entry.getValue().name(), master, replica);
            run(entry.getValue(), () -> chosen.accept(entry.getValue().value()));
        }
        setReplication(failover);
        setReadStrategy(builder);
        run(new Given(Setting.DRIVER_PROPERTIES.key(), "", "URL"), () -> builder.driverProperties(driverProperties));
        builder.masterPool(built("masterPool.", master::build));
        builder.replicaPool(built("replicaPool.", replica::build));
        builder.failover(built("failover.", failover::build));
        return built("", builder::build);
    }

    /** The applier of a setting that is not a pool's, or null for a pool's. */
    private static Consumer<String> applier(Setting setting, String name, UnderstudyConfig.Builder b,
                                            FailoverSettings.Builder f) {
        return switch (setting) {
            case NAME -> b::name;
            case MASTER -> v -> b.master(v);
            case USERNAME -> b::username;
            case PASSWORD -> b::password;
            case ADMIN_USERNAME -> b::adminUsername;
            case ADMIN_PASSWORD -> b::adminPassword;
            case CONNECT_TIMEOUT -> v -> b.connectTimeout(duration(name, v));
            case SOCKET_TIMEOUT -> v -> b.socketTimeout(duration(name, v));
            case PROBE_INTERVAL -> v -> b.probeInterval(duration(name, v));
            case HEALTHY_PROBE_INTERVAL -> v -> b.healthyProbeInterval(duration(name, v));
            case PROBE_TIMEOUT -> v -> b.probeTimeout(duration(name, v));
            case FAILURES_TO_EVICT -> v -> b.failuresToEvict(integer(name, v));
            case SUCCESSES_TO_READMIT -> v -> b.successesToReadmit(integer(name, v));
            case MAX_REPLICA_LAG -> v -> b.maxReplicaLag(duration(name, v));
            case LAG_SOURCE -> v -> b.lagSource(constant(name, v, LagSource.class));
            case HEARTBEAT_INTERVAL -> v -> b.heartbeatInterval(duration(name, v));
            case READ_FALLBACK_TO_MASTER -> v -> b.readFallbackToMaster(bool(name, v));
            case RETRY_READS -> v -> b.retryReads(bool(name, v));
            case START_DEGRADED -> v -> b.startDegraded(bool(name, v));
            case MASTER_WAIT_TIMEOUT -> v -> b.masterWaitTimeout(duration(name, v));
            case CONSISTENCY -> v -> b.consistency(constant(name, v, Consistency.class));
            case READ_YOUR_WRITES_WAIT -> v -> b.readYourWritesWait(duration(name, v));
            case FAILOVER_STRATEGY, FAILOVER_DEAD_MASTER_AFTER, FAILOVER_RELAY_LOG_WAIT, FAILOVER_MIN_INTERVAL,
                    FAILOVER_REPOINT_CHECK, FAILOVER_NEVER_PROMOTE, FAILOVER_PREFER_PROMOTE ->
                    failoverApplier(setting, name, f);
            // Applied together, after every other setting: read-strategy with the weights, the credentials in pairs.
            case READ_STRATEGY, FAILOVER_REPLICATION_USERNAME, FAILOVER_REPLICATION_PASSWORD -> v -> { };
            // Never entries: refused by addSetting, or taken from the URL itself.
            case HOSTS, DATABASE, DRIVER_PROPERTIES, WEIGHTS -> v -> { };
            case MASTER_POOL_MAXIMUM_POOL_SIZE, MASTER_POOL_MINIMUM_IDLE, MASTER_POOL_CONNECTION_TIMEOUT,
                    MASTER_POOL_IDLE_TIMEOUT, MASTER_POOL_MAX_LIFETIME, REPLICA_POOL_MAXIMUM_POOL_SIZE,
                    REPLICA_POOL_MINIMUM_IDLE, REPLICA_POOL_CONNECTION_TIMEOUT, REPLICA_POOL_IDLE_TIMEOUT,
                    REPLICA_POOL_MAX_LIFETIME -> null;
        };
    }

    private static Consumer<String> failoverApplier(Setting setting, String name, FailoverSettings.Builder f) {
        return switch (setting) {
            case FAILOVER_STRATEGY -> v -> f.strategy(PromotionStrategy.named(v));
            case FAILOVER_DEAD_MASTER_AFTER -> v -> f.deadMasterAfter(duration(name, v));
            case FAILOVER_RELAY_LOG_WAIT -> v -> f.relayLogWait(duration(name, v));
            case FAILOVER_MIN_INTERVAL -> v -> f.minInterval(duration(name, v));
            case FAILOVER_REPOINT_CHECK -> v -> f.repointCheck(duration(name, v));
            case FAILOVER_NEVER_PROMOTE -> v -> f.neverPromote(TextValues.list(v));
            case FAILOVER_PREFER_PROMOTE -> v -> f.preferPromote(TextValues.list(v));
            default -> throw new IllegalArgumentException("not a failover setting: " + setting);
        };
    }

    private void setReplication(FailoverSettings.Builder failover) throws InvalidJdbcUrlException {
        Given user = settings.get(Setting.FAILOVER_REPLICATION_USERNAME);
        Given password = settings.get(Setting.FAILOVER_REPLICATION_PASSWORD);
        if (user == null && password == null) {
            return;
        }
        if (user == null || password == null) {
            Setting missing = user == null ? Setting.FAILOVER_REPLICATION_USERNAME
                    : Setting.FAILOVER_REPLICATION_PASSWORD;
            Given other = user == null ? password : user;
            String rule = "set together with " + other.name() + ": set both or neither";
            throw new InvalidJdbcUrlException(missing.key() + " must be " + rule + ", but was not set",
                    missing.key(), rule, "not set", null);
        }
        run(user, () -> failover.replicationCredentials(user.value(), password.value()));
    }

    private void setReadStrategy(UnderstudyConfig.Builder builder) throws InvalidJdbcUrlException {
        Given strategy = settings.get(Setting.READ_STRATEGY);
        String name = strategy == null ? "round-robin" : strategy.value().strip();
        if (name.equalsIgnoreCase("weighted")) {
            Map<HostAndPort, Integer> byNode = new LinkedHashMap<>();
            for (Map.Entry<HostAndPort, Given> weight : weights.entrySet()) {
                Given given = weight.getValue();
                byNode.put(weight.getKey(), get(given, () -> TextValues.integer(given.name(), given.value())));
            }
            run(strategy, () -> builder.readStrategy(ReplicaSelector.weighted(byNode)));
        } else if (!weights.isEmpty()) {
            Given first = weights.values().iterator().next();
            String rule = "given with read-strategy=weighted only";
            throw new InvalidJdbcUrlException(first.who() + " must be " + rule + ", but read-strategy was '" + name
                    + "'", first.name(), rule, first.shown(), null);
        } else if (strategy != null) {
            run(strategy, () -> builder.readStrategy(ReplicaSelector.named(name)));
        }
    }

    /** The applier of a pool's setting. */
    private static Consumer<String> poolApplier(Setting setting, String name, PoolSettings.Builder master,
                                                PoolSettings.Builder replica) {
        PoolSettings.Builder pool = setting.builderName().startsWith("masterPool.") ? master : replica;
        return switch (setting.builderName().substring(setting.builderName().indexOf('.') + 1)) {
            case "maximumPoolSize" -> v -> pool.maximumPoolSize(integer(name, v));
            case "minimumIdle" -> v -> pool.minimumIdle(integer(name, v));
            case "connectionTimeout" -> v -> pool.connectionTimeout(duration(name, v));
            case "idleTimeout" -> v -> pool.idleTimeout(duration(name, v));
            case "maxLifetime" -> v -> pool.maxLifetime(duration(name, v));
            default -> throw new IllegalStateException("not a pool setting: " + setting);
        };
    }

    private void run(Given given, Runnable action) throws InvalidJdbcUrlException {
        get(given, () -> {
            action.run();
            return null;
        });
    }

    /** Runs a step for one value, turning core's refusal into an exception naming the value as it was written. */
    private static <T> T get(Given given, Supplier<T> step) throws InvalidJdbcUrlException {
        try {
            return step.get();
        } catch (InvalidSettingException e) {
            String value = SettingNames.isSecret(given.name()) ? ConfigRules.MASK : e.value();
            String message = e.setting().equals(given.name()) ? e.getMessage()
                    : given.name() + " is invalid: " + e.getMessage();
            throw new InvalidJdbcUrlException(given.origin() + " " + message, given.name(), e.rule(), value, e);
        }
    }

    /**
     * Builds a group of settings ({@code masterPool.}, {@code failover.}, or the whole configuration: {@code ""}),
     * naming in an error the parameter behind the setting that core names.
     */
    private <T> T built(String group, Supplier<T> build) throws InvalidJdbcUrlException {
        try {
            return build.get();
        } catch (InvalidSettingException e) {
            Setting setting = e.setting().equals("readStrategy") && !weights.isEmpty() ? Setting.WEIGHTS
                    : Setting.ofBuilderName(e.setting().startsWith(group) ? e.setting() : group + e.setting())
                    .orElse(null);
            Given given = setting == Setting.WEIGHTS ? weights.values().iterator().next() : settings.get(setting);
            String who = given != null ? given.who() : setting != null ? setting.key() : e.setting();
            String hint = e.rule().equals("set") ? " (give it as a URL parameter or a Properties entry)" : "";
            String value = given != null && SettingNames.isSecret(given.name()) ? ConfigRules.MASK : e.value();
            throw new InvalidJdbcUrlException(who + " is invalid: " + e.getMessage() + hint,
                    given != null ? given.name() : setting != null ? setting.key() : e.setting(), e.rule(), value, e);
        }
    }
}
