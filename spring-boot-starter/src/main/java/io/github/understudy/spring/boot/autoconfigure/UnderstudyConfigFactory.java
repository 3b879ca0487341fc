package io.github.understudy.spring.boot.autoconfigure;

import io.github.understudy.FailoverSettings;
import io.github.understudy.HostAndPort;
import io.github.understudy.InvalidSettingException;
import io.github.understudy.PoolSettings;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.Setting;
import io.github.understudy.UnderstudyConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns {@link UnderstudyProperties} into an {@link UnderstudyConfig.Builder}. Core checks every value; this class
 * only says which property a refused value came from, so that the failure analysis names
 * {@code understudy.probe-interval} rather than the builder's {@code probeInterval}. The property of each setting is
 * {@code understudy.} + its {@link Setting#key()}: core's table, which the JDBC driver's URL parameters use too.
 */
final class UnderstudyConfigFactory {

    private static final String PREFIX = "understudy.";

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
        set(Setting.NAME, properties.getName(), builder::name);
        setHosts(properties, builder);
        set(Setting.MASTER, properties.getMaster(), builder::master);
        set(Setting.DATABASE, properties.getDatabase(), builder::database);
        setIfPresent(Setting.USERNAME, properties.getUsername(), builder::username);
        setIfPresent(Setting.PASSWORD, properties.getPassword(), builder::password);
        setIfPresent(Setting.ADMIN_USERNAME, properties.getAdmin().getUsername(), builder::adminUsername);
        setIfPresent(Setting.ADMIN_PASSWORD, properties.getAdmin().getPassword(), builder::adminPassword);
        set(Setting.DRIVER_PROPERTIES, properties.getDriverProperties(), builder::driverProperties);
        builder.masterPool(pool("masterPool", properties.getPool().getMaster()));
        builder.replicaPool(pool("replicaPool", properties.getPool().getReplica()));
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
            // Properties make a weighted strategy only from understudy.weights: that is what build() can refuse.
            String setting = e instanceof InvalidSettingException invalid ? invalid.setting() : e.getMessage();
            String property = "readStrategy".equals(setting) ? property(Setting.WEIGHTS) : propertyOf(setting);
            throw new InvalidUnderstudyPropertyException(property, property + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The property of a setting ({@code probeInterval}), or of the first word of a message that names one. */
    static String propertyOf(String message) {
        String setting = message == null ? "" : message.split("[ \\[]", 2)[0];
        return Setting.ofBuilderName(setting).map(UnderstudyConfigFactory::property).orElse(PREFIX + setting);
    }

    /** {@return the property of a setting: {@code understudy.} + its key} */
    static String property(Setting setting) {
        return PREFIX + setting.key();
    }

    private static void setHosts(UnderstudyProperties properties, UnderstudyConfig.Builder builder) {
        try {
            builder.hosts(properties.getHosts());
        } catch (IllegalArgumentException | NullPointerException e) {
            boolean empty = properties.getHosts() == null || properties.getHosts().isEmpty();
            String hosts = property(Setting.HOSTS);
            throw new InvalidUnderstudyPropertyException(hosts,
                    empty ? hosts + " is empty" : hosts + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void setTimings(UnderstudyProperties p, UnderstudyConfig.Builder builder) {
        set(Setting.CONNECT_TIMEOUT, p.getConnectTimeout(), builder::connectTimeout);
        set(Setting.SOCKET_TIMEOUT, p.getSocketTimeout(), builder::socketTimeout);
        set(Setting.PROBE_INTERVAL, p.getProbeInterval(), builder::probeInterval);
        set(Setting.HEALTHY_PROBE_INTERVAL, p.getHealthyProbeInterval(), builder::healthyProbeInterval);
        set(Setting.PROBE_TIMEOUT, p.getProbeTimeout(), builder::probeTimeout);
        set(Setting.FAILURES_TO_EVICT, p.getFailuresToEvict(), builder::failuresToEvict);
        set(Setting.SUCCESSES_TO_READMIT, p.getSuccessesToReadmit(), builder::successesToReadmit);
        set(Setting.MASTER_WAIT_TIMEOUT, p.getMasterWaitTimeout(), builder::masterWaitTimeout);
    }

    private static void setReplicaRules(UnderstudyProperties p, UnderstudyConfig.Builder builder) {
        set(Setting.MAX_REPLICA_LAG, p.getMaxReplicaLag(), builder::maxReplicaLag);
        set(Setting.LAG_SOURCE, p.getLagSource(), builder::lagSource);
        set(Setting.HEARTBEAT_INTERVAL, p.getHeartbeatInterval(), builder::heartbeatInterval);
        builder.readStrategy(readStrategy(p));
        builder.readFallbackToMaster(p.isReadFallbackToMaster());
        builder.retryReads(p.isRetryReads());
        builder.startDegraded(p.isStartDegraded());
        set(Setting.CONSISTENCY, p.getConsistency(), builder::consistency);
        set(Setting.READ_YOUR_WRITES_WAIT, p.getReadYourWritesWait(), builder::readYourWritesWait);
    }

    private static ReplicaSelector readStrategy(UnderstudyProperties p) {
        String name = p.getReadStrategy() == null ? "" : p.getReadStrategy().strip();
        if ("weighted".equalsIgnoreCase(name)) {
            return get(Setting.WEIGHTS, () -> ReplicaSelector.weighted(weights(p.getWeights())));
        }
        if (p.getWeights() != null && !p.getWeights().isEmpty()) {
            String weights = property(Setting.WEIGHTS);
            throw new InvalidUnderstudyPropertyException(weights, weights + " is set, but "
                    + property(Setting.READ_STRATEGY) + " is '" + name + "': weights apply to read-strategy=weighted "
                    + "only", null);
        }
        return get(Setting.READ_STRATEGY, () -> ReplicaSelector.named(name));
    }

    private static Map<HostAndPort, Integer> weights(Map<String, Integer> byAddress) {
        Map<HostAndPort, Integer> weights = new LinkedHashMap<>();
        byAddress.forEach((address, weight) -> weights.put(HostAndPort.parse(address), weight));
        return weights;
    }

    private static FailoverSettings failover(UnderstudyFailoverProperties p, PromotionStrategy strategyBean) {
        FailoverSettings.Builder builder = FailoverSettings.builder();
        builder.strategy(strategyBean != null ? strategyBean
                : get(Setting.FAILOVER_STRATEGY, () -> PromotionStrategy.named(p.getStrategy())));
        set(Setting.FAILOVER_DEAD_MASTER_AFTER, p.getDeadMasterAfter(), builder::deadMasterAfter);
        set(Setting.FAILOVER_RELAY_LOG_WAIT, p.getRelayLogWait(), builder::relayLogWait);
        set(Setting.FAILOVER_MIN_INTERVAL, p.getMinInterval(), builder::minInterval);
        set(Setting.FAILOVER_NEVER_PROMOTE, p.getNeverPromote(), builder::neverPromote);
        set(Setting.FAILOVER_PREFER_PROMOTE, p.getPreferPromote(), builder::preferPromote);
        set(Setting.FAILOVER_REPOINT_CHECK, p.getRepointCheck(), builder::repointCheck);
        setReplication(p.getReplication(), builder);
        return built("failover", builder::build);
    }

    private static void setReplication(UnderstudyFailoverProperties.Replication r, FailoverSettings.Builder builder) {
        String user = property(Setting.FAILOVER_REPLICATION_USERNAME);
        String password = property(Setting.FAILOVER_REPLICATION_PASSWORD);
        if (r.getUsername() == null && r.getPassword() == null) {
            return;
        }
        if (r.getUsername() == null || r.getPassword() == null) {
            String missing = r.getUsername() == null ? user : password;
            throw new InvalidUnderstudyPropertyException(missing, missing + " is not set, but "
                    + (missing.equals(user) ? password : user) + " is: set both or neither", null);
        }
        set(Setting.FAILOVER_REPLICATION_USERNAME, r.getUsername(),
                name -> builder.replicationCredentials(name, r.getPassword()));
    }

    /** The pool of one role: {@code group} is the builder's name of it, {@code masterPool} or {@code replicaPool}. */
    private static PoolSettings pool(String group, UnderstudyPoolProperties.Pool pool) {
        PoolSettings.Builder builder = PoolSettings.builder();
        set(in(group, "maximumPoolSize"), pool.getMaximumPoolSize(), builder::maximumPoolSize);
        set(in(group, "minimumIdle"), pool.getMinimumIdle(), builder::minimumIdle);
        set(in(group, "connectionTimeout"), pool.getConnectionTimeout(), builder::connectionTimeout);
        set(in(group, "idleTimeout"), pool.getIdleTimeout(), builder::idleTimeout);
        set(in(group, "maxLifetime"), pool.getMaxLifetime(), builder::maxLifetime);
        return built(group, builder::build);
    }

    private static Setting in(String group, String builderName) {
        return Setting.ofBuilderName(group + "." + builderName).orElseThrow();
    }

    /** Builds a group of settings, naming the property of the setting that a conflict is about. */
    private static <T> T built(String group, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidSettingException e) {
            String setting = e.setting().startsWith(group + ".") ? e.setting() : group + "." + e.setting();
            String property = Setting.ofBuilderName(setting).map(UnderstudyConfigFactory::property)
                    .orElse(PREFIX + group);
            throw new InvalidUnderstudyPropertyException(property, property + " is invalid: " + e.getMessage(), e);
        }
    }

    private static <T> void setIfPresent(Setting setting, T value, Consumer<T> setter) {
        if (value != null) {
            set(setting, value, setter);
        }
    }

    private static <T> void set(Setting setting, T value, Consumer<T> setter) {
        get(setting, () -> {
            setter.accept(value);
            return null;
        });
    }

    private static <T> T get(Setting setting, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String property = property(setting);
            throw new InvalidUnderstudyPropertyException(property, property + " is invalid: " + e.getMessage(), e);
        }
    }
}
