package io.github.understudy.spring.boot.autoconfigure;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.InvalidSettingException;
import io.github.understudy.PoolSettings;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.UnderstudyConfig;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns {@link UnderstudyProperties} into an {@link UnderstudyConfig.Builder}. Core checks every value; this class
 * only says which property a refused value came from, so that the failure analysis names
 * {@code understudy.probe-interval} rather than the builder's {@code probeInterval}.
 */
final class UnderstudyConfigFactory {

    private static final String PREFIX = "understudy.";

    private static final String FAILOVER = "understudy.failover.";

    /** Settings (as core's messages name them) whose property is not simply the kebab-case of the setting's name. */
    private static final Map<String, String> PROPERTY_OF_SETTING = Map.ofEntries(
            Map.entry("adminUsername", "understudy.admin.username"),
            Map.entry("adminPassword", "understudy.admin.password"),
            Map.entry("masterPool", "understudy.pool.master"),
            Map.entry("replicaPool", "understudy.pool.replica"),
            Map.entry("readStrategy", "understudy.weights"),
            Map.entry("failover", "understudy.failover"),
            Map.entry("strategy", FAILOVER + "strategy"),
            Map.entry("deadMasterAfter", FAILOVER + "dead-master-after"),
            Map.entry("relayLogWait", FAILOVER + "relay-log-wait"),
            Map.entry("minInterval", FAILOVER + "min-interval"),
            Map.entry("repointCheck", FAILOVER + "repoint-check"),
            Map.entry("neverPromote", FAILOVER + "never-promote"),
            Map.entry("failover.neverPromote", FAILOVER + "never-promote"),
            Map.entry("preferPromote", FAILOVER + "prefer-promote"),
            Map.entry("failover.preferPromote", FAILOVER + "prefer-promote"),
            Map.entry("replicationUser", FAILOVER + "replication.username"),
            Map.entry("replicationPassword", FAILOVER + "replication.password"));

    private UnderstudyConfigFactory() {
    }

    /**
     * @param properties the bound properties
     * @param promotionStrategy the application's strategy bean, which wins over understudy.failover.strategy; or null
     * @return a builder holding them
     * @throws InvalidUnderstudyPropertyException naming the first property that core refused
     */
    static UnderstudyConfig.Builder builder(UnderstudyProperties properties, PromotionStrategy promotionStrategy) {
        UnderstudyConfig.Builder builder = UnderstudyConfig.builder();
        set("understudy.name", properties.getName(), builder::name);
        setHosts(properties, builder);
        set("understudy.master", properties.getMaster(), builder::master);
        set("understudy.database", properties.getDatabase(), builder::database);
        setIfPresent("understudy.username", properties.getUsername(), builder::username);
        setIfPresent("understudy.password", properties.getPassword(), builder::password);
        setIfPresent("understudy.admin.username", properties.getAdmin().getUsername(), builder::adminUsername);
        setIfPresent("understudy.admin.password", properties.getAdmin().getPassword(), builder::adminPassword);
        set("understudy.driver-properties", properties.getDriverProperties(), builder::driverProperties);
        builder.masterPool(pool("understudy.pool.master.", properties.getPool().getMaster()));
        builder.replicaPool(pool("understudy.pool.replica.", properties.getPool().getReplica()));
        setTimings(properties, builder);
        setReplicaRules(properties, builder);
        builder.failover(failover(properties.getFailover(), promotionStrategy));
        return builder;
    }

    /**
     * Builds the configuration, naming the property behind a conflict that {@link UnderstudyConfig.Builder#build()}
     * found.
     *
     * @throws InvalidUnderstudyPropertyException when core found a missing setting or a conflict
     */
    static UnderstudyConfig build(UnderstudyConfig.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String property = e instanceof InvalidSettingException invalid ? propertyOf(invalid.setting())
                    : propertyOf(e.getMessage());
            throw new InvalidUnderstudyPropertyException(property, property + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The property of a setting ({@code probeInterval}), or of the first word of a message that names one. */
    static String propertyOf(String message) {
        String setting = message == null ? "" : message.split("[ \\[]", 2)[0];
        return PROPERTY_OF_SETTING.getOrDefault(setting, PREFIX + kebab(setting));
    }

    private static void setHosts(UnderstudyProperties properties, UnderstudyConfig.Builder builder) {
        try {
            builder.hosts(properties.getHosts());
        } catch (IllegalArgumentException | NullPointerException e) {
            boolean empty = properties.getHosts() == null || properties.getHosts().isEmpty();
            throw new InvalidUnderstudyPropertyException("understudy.hosts",
                    empty ? "understudy.hosts is empty" : "understudy.hosts is invalid: " + e.getMessage(), e);
        }
    }

    private static void setTimings(UnderstudyProperties p, UnderstudyConfig.Builder builder) {
        set("understudy.connect-timeout", p.getConnectTimeout(), builder::connectTimeout);
        set("understudy.socket-timeout", p.getSocketTimeout(), builder::socketTimeout);
        set("understudy.probe-interval", p.getProbeInterval(), builder::probeInterval);
        set("understudy.probe-timeout", p.getProbeTimeout(), builder::probeTimeout);
        set("understudy.failures-to-evict", p.getFailuresToEvict(), builder::failuresToEvict);
        set("understudy.successes-to-readmit", p.getSuccessesToReadmit(), builder::successesToReadmit);
        set("understudy.master-wait-timeout", p.getMasterWaitTimeout(), builder::masterWaitTimeout);
    }

    private static void setReplicaRules(UnderstudyProperties p, UnderstudyConfig.Builder builder) {
        set("understudy.max-replica-lag", p.getMaxReplicaLag(), builder::maxReplicaLag);
        set("understudy.lag-source", p.getLagSource(), builder::lagSource);
        set("understudy.heartbeat-interval", p.getHeartbeatInterval(), builder::heartbeatInterval);
        builder.readStrategy(readStrategy(p));
        builder.readFallbackToMaster(p.isReadFallbackToMaster());
        builder.retryReads(p.isRetryReads());
        builder.startDegraded(p.isStartDegraded());
        set("understudy.consistency", p.getConsistency(), builder::consistency);
        set("understudy.read-your-writes-wait", p.getReadYourWritesWait(), builder::readYourWritesWait);
    }

    private static ReplicaSelector readStrategy(UnderstudyProperties p) {
        String name = p.getReadStrategy() == null ? "" : p.getReadStrategy().strip();
        if ("weighted".equalsIgnoreCase(name)) {
            return get("understudy.weights", () -> ReplicaSelector.weighted(weights(p.getWeights())));
        }
        if (p.getWeights() != null && !p.getWeights().isEmpty()) {
            throw new InvalidUnderstudyPropertyException("understudy.weights", "understudy.weights is set, but "
                    + "understudy.read-strategy is '" + name + "': weights apply to read-strategy=weighted only", null);
        }
        return get("understudy.read-strategy", () -> ReplicaSelector.named(name));
    }

    private static Map<HostAndPort, Integer> weights(Map<String, Integer> byAddress) {
        Map<HostAndPort, Integer> weights = new LinkedHashMap<>();
        byAddress.forEach((address, weight) -> weights.put(HostAndPort.parse(address), weight));
        return weights;
    }

    private static FailoverSettings failover(UnderstudyFailoverProperties p, PromotionStrategy strategyBean) {
        FailoverSettings.Builder builder = FailoverSettings.builder();
        builder.strategy(strategyBean != null ? strategyBean
                : get(FAILOVER + "strategy", () -> PromotionStrategy.named(p.getStrategy())));
        set(FAILOVER + "dead-master-after", p.getDeadMasterAfter(), builder::deadMasterAfter);
        set(FAILOVER + "relay-log-wait", p.getRelayLogWait(), builder::relayLogWait);
        set(FAILOVER + "min-interval", p.getMinInterval(), builder::minInterval);
        set(FAILOVER + "never-promote", p.getNeverPromote(), builder::neverPromote);
        set(FAILOVER + "prefer-promote", p.getPreferPromote(), builder::preferPromote);
        set(FAILOVER + "repoint-check", p.getRepointCheck(), builder::repointCheck);
        setReplication(p.getReplication(), builder);
        return get("understudy.failover", builder::build);
    }

    private static void setReplication(UnderstudyFailoverProperties.Replication r, FailoverSettings.Builder builder) {
        String user = FAILOVER + "replication.username";
        String password = FAILOVER + "replication.password";
        if (r.getUsername() == null && r.getPassword() == null) {
            return;
        }
        if (r.getUsername() == null || r.getPassword() == null) {
            String missing = r.getUsername() == null ? user : password;
            throw new InvalidUnderstudyPropertyException(missing, missing + " is not set, but "
                    + (missing.equals(user) ? password : user) + " is: set both or neither", null);
        }
        set(user, r.getUsername(), name -> builder.replicationCredentials(name, r.getPassword()));
    }

    private static PoolSettings pool(String prefix, UnderstudyPoolProperties.Pool pool) {
        PoolSettings.Builder builder = PoolSettings.builder();
        set(prefix + "maximum-pool-size", pool.getMaximumPoolSize(), builder::maximumPoolSize);
        set(prefix + "minimum-idle", pool.getMinimumIdle(), builder::minimumIdle);
        set(prefix + "connection-timeout", pool.getConnectionTimeout(), builder::connectionTimeout);
        set(prefix + "idle-timeout", pool.getIdleTimeout(), builder::idleTimeout);
        set(prefix + "max-lifetime", pool.getMaxLifetime(), builder::maxLifetime);
        return get(prefix.substring(0, prefix.length() - 1), builder::build);
    }

    private static <T> void setIfPresent(String property, T value, Consumer<T> setter) {
        if (value != null) {
            set(property, value, setter);
        }
    }

    private static <T> void set(String property, T value, Consumer<T> setter) {
        get(property, () -> {
            setter.accept(value);
            return null;
        });
    }

    private static <T> T get(String property, Supplier<T> setting) {
        try {
            return setting.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidUnderstudyPropertyException(property, property + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
