package io.github.understudy;

import io.github.understudy.internal.TextValues;

import java.util.Optional;

/**
 * Every setting that text can configure, with the one name it has in text: a {@code jdbc:understudy:} URL's
 * parameter and {@code Properties} entry ({@link #key()}, e.g. {@code probe-interval}), the Spring Boot property
 * ({@code understudy.} + the key) and the builder's name for it ({@link #builderName()}, e.g.
 * {@code probeInterval}, which core's {@link InvalidSettingException#setting()} reports). The JDBC driver and the
 * Spring Boot starter both take their names from here, so that a setting is called the same everywhere.
 * <p>
 * Settings that only code can give (listeners, metrics, clock, a custom {@link ReplicaSelector} or
 * {@link PromotionStrategy}) are not listed.
 */
public enum Setting {

    /** {@link UnderstudyConfig.Builder#name(String)}. */
    NAME("name", "name", "understudy",
            "Name of the DataSource: prefix of its log lines and thread names, tag of its meters."),
    /** {@link UnderstudyConfig.Builder#hosts(java.util.List)}; in a JDBC URL, its host list. */
    HOSTS("hosts", "hosts", null, "Servers of the cluster as host:port (IPv6 as [::1]:3306): the master and every "
            + "replica. In a JDBC URL: its host list."),
    /** {@link UnderstudyConfig.Builder#master(String)}. */
    MASTER("master", "master", null, "Node that is master at start. Unset, roles are discovered by probing."),
    /** {@link UnderstudyConfig.Builder#database(String)}; in a JDBC URL, its path. */
    DATABASE("database", "database", null, "Default schema of application connections. In a JDBC URL: its path."),
    /** {@link UnderstudyConfig.Builder#username(String)}; JDBC's {@code user} too. */
    USERNAME("username", "username", null, "User that application connections log in as (JDBC's user)."),
    /** {@link UnderstudyConfig.Builder#password(String)}. */
    PASSWORD("password", "password", null, "Its password (\"\" for none). Never logged."),
    /** {@link UnderstudyConfig.Builder#adminUsername(String)}. */
    ADMIN_USERNAME("admin.username", "adminUsername", null,
            "User of the health probes' own connections, and of promotion and fencing."),
    /** {@link UnderstudyConfig.Builder#adminPassword(String)}. */
    ADMIN_PASSWORD("admin.password", "adminPassword", null, "Its password (\"\" for none). Never logged."),
    /** {@link UnderstudyConfig.Builder#driverProperties(java.util.Map)}: {@code driver-properties.<name>}. */
    DRIVER_PROPERTIES("driver-properties", "driverProperties", null,
            "Extra Connector/J properties for every connection, as driver-properties.<name>, e.g. sslMode."),
    /** {@link UnderstudyConfig.Builder#connectTimeout(java.time.Duration)}. */
    CONNECT_TIMEOUT("connect-timeout", "connectTimeout", "1s",
            "Connect timeout of application connections (TCP and handshake)."),
    /** {@link UnderstudyConfig.Builder#socketTimeout(java.time.Duration)}. */
    SOCKET_TIMEOUT("socket-timeout", "socketTimeout", "30s", "How long a statement may wait for the server before "
            + "its connection counts as broken; 0 for no limit."),
    /** {@link UnderstudyConfig.Builder#probeInterval(java.time.Duration)}. */
    PROBE_INTERVAL("probe-interval", "probeInterval", "500ms", "How often each node is probed."),
    /** {@link UnderstudyConfig.Builder#healthyProbeInterval(java.time.Duration)}. */
    HEALTHY_PROBE_INTERVAL("healthy-probe-interval", "healthyProbeInterval", null, "How often a node that is UP is "
            + "probed (large fleets; at least probe-interval). Unset: probe-interval."),
    /** {@link UnderstudyConfig.Builder#probeTimeout(java.time.Duration)}. */
    PROBE_TIMEOUT("probe-timeout", "probeTimeout", "1s", "Connect and socket timeout of the probes."),
    /** {@link UnderstudyConfig.Builder#failuresToEvict(int)}. */
    FAILURES_TO_EVICT("failures-to-evict", "failuresToEvict", "2",
            "Consecutive failures that evict a node (the first makes it SUSPECT)."),
    /** {@link UnderstudyConfig.Builder#successesToReadmit(int)}. */
    SUCCESSES_TO_READMIT("successes-to-readmit", "successesToReadmit", "2",
            "Consecutive good probes that re-admit a down or lagging node."),
    /** {@link UnderstudyConfig.Builder#maxReplicaLag(java.time.Duration)}. */
    MAX_REPLICA_LAG("max-replica-lag", "maxReplicaLag", "5s",
            "Most a replica may lag and still serve reads (at least 1s with seconds-behind-master)."),
    /** {@link UnderstudyConfig.Builder#lagSource(LagSource)}. */
    LAG_SOURCE("lag-source", "lagSource", "seconds-behind-master",
            "Where lag is read from: seconds-behind-master or heartbeat (a table written by the admin user)."),
    /** {@link UnderstudyConfig.Builder#heartbeatInterval(java.time.Duration)}. */
    HEARTBEAT_INTERVAL("heartbeat-interval", "heartbeatInterval", "250ms",
            "How often the heartbeat is written (with lag-source=heartbeat; below max-replica-lag)."),
    /** {@link UnderstudyConfig.Builder#readStrategy(ReplicaSelector)}, by name. */
    READ_STRATEGY("read-strategy", "readStrategy", "round-robin", "Which replica serves a read: round-robin, "
            + "random, least-in-flight, lowest-latency, weighted."),
    /** The weights of {@link ReplicaSelector#weighted(java.util.Map)}: {@code weights[host:port]}. */
    WEIGHTS("weights", "weights", null, "Weight per replica for read-strategy=weighted, as weights[host:port]; "
            + "unlisted replicas get 1, weight 0 is a standby."),
    /** {@link UnderstudyConfig.Builder#readFallbackToMaster(boolean)}. */
    READ_FALLBACK_TO_MASTER("read-fallback-to-master", "readFallbackToMaster", "true",
            "Whether reads go to the master when no replica is healthy, rather than failing."),
    /** {@link UnderstudyConfig.Builder#retryReads(boolean)}. */
    RETRY_READS("retry-reads", "retryReads", "true",
            "Whether an autocommit read whose replica dies under it is run once more elsewhere."),
    /** {@link UnderstudyConfig.Builder#startDegraded(boolean)}. */
    START_DEGRADED("start-degraded", "startDegraded", "false",
            "Whether to start when no master is reachable (reads work, writes wait and fail)."),
    /** {@link UnderstudyConfig.Builder#masterWaitTimeout(java.time.Duration)}. */
    MASTER_WAIT_TIMEOUT("master-wait-timeout", "masterWaitTimeout", "2s",
            "How long a write waits for a master before failing with SQLState 08001."),
    /** {@link UnderstudyConfig.Builder#consistency(Consistency)}. */
    CONSISTENCY("consistency", "consistency", "eventual",
            "What reads may see: eventual, read-your-writes or strong."),
    /** {@link UnderstudyConfig.Builder#readYourWritesWait(java.time.Duration)}. */
    READ_YOUR_WRITES_WAIT("read-your-writes-wait", "readYourWritesWait", "200ms",
            "How long a read-your-writes read may wait on a replica before it goes to the master."),
    /** {@link PoolSettings#maximumPoolSize()} of the master's pool. */
    MASTER_POOL_MAXIMUM_POOL_SIZE("pool.master.maximum-pool-size", "masterPool.maximumPoolSize", "10",
            "Most connections of the master's pool."),
    /** {@link PoolSettings#minimumIdle()} of the master's pool. */
    MASTER_POOL_MINIMUM_IDLE("pool.master.minimum-idle", "masterPool.minimumIdle", "2",
            "Idle connections the master's pool keeps."),
    /** {@link PoolSettings#connectionTimeout()} of the master's pool. */
    MASTER_POOL_CONNECTION_TIMEOUT("pool.master.connection-timeout", "masterPool.connectionTimeout", "250ms",
            "Longest wait for a connection from the master's pool (at least 250ms)."),
    /** {@link PoolSettings#idleTimeout()} of the master's pool. */
    MASTER_POOL_IDLE_TIMEOUT("pool.master.idle-timeout", "masterPool.idleTimeout", "10m",
            "How long an idle connection above minimum-idle is kept; 0 for ever, else at least 10s."),
    /** {@link PoolSettings#maxLifetime()} of the master's pool. */
    MASTER_POOL_MAX_LIFETIME("pool.master.max-lifetime", "masterPool.maxLifetime", "30m",
            "How long a connection lives; 0 for no limit, else at least 30s; keep it below wait_timeout."),
    /** {@link PoolSettings#maximumPoolSize()} of each replica's pool. */
    REPLICA_POOL_MAXIMUM_POOL_SIZE("pool.replica.maximum-pool-size", "replicaPool.maximumPoolSize", "10",
            "Most connections of each replica's pool."),
    /** {@link PoolSettings#minimumIdle()} of each replica's pool. */
    REPLICA_POOL_MINIMUM_IDLE("pool.replica.minimum-idle", "replicaPool.minimumIdle", "2",
            "Idle connections each replica's pool keeps."),
    /** {@link PoolSettings#connectionTimeout()} of each replica's pool. */
    REPLICA_POOL_CONNECTION_TIMEOUT("pool.replica.connection-timeout", "replicaPool.connectionTimeout", "250ms",
            "Longest wait for a connection from a replica's pool (at least 250ms)."),
    /** {@link PoolSettings#idleTimeout()} of each replica's pool. */
    REPLICA_POOL_IDLE_TIMEOUT("pool.replica.idle-timeout", "replicaPool.idleTimeout", "10m",
            "How long an idle connection above minimum-idle is kept; 0 for ever, else at least 10s."),
    /** {@link PoolSettings#maxLifetime()} of each replica's pool. */
    REPLICA_POOL_MAX_LIFETIME("pool.replica.max-lifetime", "replicaPool.maxLifetime", "30m",
            "How long a connection lives; 0 for no limit, else at least 30s; keep it below wait_timeout."),
    /** {@link FailoverSettings.Builder#strategy(PromotionStrategy)}, by name. */
    FAILOVER_STRATEGY("failover.strategy", "failover.strategy", "most-advanced-replica",
            "What to do when the master is dead: most-advanced-replica, none or external."),
    /** {@link FailoverSettings.Builder#deadMasterAfter(java.time.Duration)}. */
    FAILOVER_DEAD_MASTER_AFTER("failover.dead-master-after", "failover.deadMasterAfter", "0ms", "How long the master "
            + "must have been unreachable before it may be declared dead; 0: at the first failed probe."),
    /** {@link FailoverSettings.Builder#relayLogWait(java.time.Duration)}. */
    FAILOVER_RELAY_LOG_WAIT("failover.relay-log-wait", "failover.relayLogWait", "5s",
            "How long the candidates may take to apply their relay logs before one is promoted."),
    /** {@link FailoverSettings.Builder#minInterval(java.time.Duration)}. */
    FAILOVER_MIN_INTERVAL("failover.min-interval", "failover.minInterval", "60s",
            "Least time between two automatic failovers (anti-flapping)."),
    /** {@link FailoverSettings.Builder#neverPromote(java.util.List)}. */
    FAILOVER_NEVER_PROMOTE("failover.never-promote", "failover.neverPromote", null,
            "Nodes never to promote, host:port among hosts, comma-separated."),
    /** {@link FailoverSettings.Builder#preferPromote(java.util.List)}. */
    FAILOVER_PREFER_PROMOTE("failover.prefer-promote", "failover.preferPromote", null,
            "Nodes preferred among equally advanced candidates, host:port among hosts, comma-separated."),
    /** {@link FailoverSettings.Builder#repointCheck(java.time.Duration)}. */
    FAILOVER_REPOINT_CHECK("failover.repoint-check", "failover.repointCheck", "5s",
            "How long a repointed replica may take to replicate before it is reported as failed."),
    /** The user of {@link FailoverSettings.Builder#replicationCredentials(String, String)}. */
    FAILOVER_REPLICATION_USERNAME("failover.replication.username", "failover.replicationUser", null,
            "User that replicas connect to their master as. Unset, old masters are fenced but not rejoined."),
    /** The password of {@link FailoverSettings.Builder#replicationCredentials(String, String)}. */
    FAILOVER_REPLICATION_PASSWORD("failover.replication.password", "failover.replicationPassword", null,
            "Its password (\"\" for none); set both or neither. Never logged.");

    private final String key;
    private final String builderName;
    private final String defaultValue;
    private final String description;

    Setting(String key, String builderName, String defaultValue, String description) {
        this.key = key;
        this.builderName = builderName;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** {@return the name in text: a URL parameter, a {@code Properties} entry; {@code understudy.} + it in Spring} */
    public String key() {
        return key;
    }

    /**
     * {@return the builder's name for it, qualified by its group where the builder's own is not
     * ({@code failover.minInterval}, {@code masterPool.minimumIdle})}
     */
    public String builderName() {
        return builderName;
    }

    /** {@return the default as text ({@code 500ms}), empty when the setting is required or has none} */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** {@return one sentence on what it does} */
    public String description() {
        return description;
    }

    /** {@return whether its value is a secret: never shown in messages, logs or {@code toString()}} */
    public boolean isSecret() {
        return this == PASSWORD || this == ADMIN_PASSWORD || this == FAILOVER_REPLICATION_PASSWORD;
    }

    /**
     * Finds a setting by the name a user wrote: its key or its builder name, ignoring case, dashes and
     * underscores ({@code probe-interval}, {@code probeInterval}, {@code PROBE_INTERVAL}).
     *
     * @param name the name as written
     * @return the setting, or empty
     */
    public static Optional<Setting> byName(String name) {
        String wanted = TextValues.relaxed(name);
        for (Setting setting : values()) {
            if (TextValues.relaxed(setting.key).equals(wanted)
                    || TextValues.relaxed(setting.builderName).equals(wanted)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the setting that one of core's messages names ({@link InvalidSettingException#setting()}): a builder
     * name, perhaps with an index ({@code hosts[1]}) or without its group when that is unambiguous
     * ({@code minInterval} is {@code failover.minInterval}; {@code minimumIdle} needs {@code masterPool.}).
     *
     * @param builderName the name in the message
     * @return the setting, or empty when none or several match
     */
    public static Optional<Setting> ofBuilderName(String builderName) {
        String name = builderName == null ? "" : builderName.replaceFirst("\\[.*$", "");
        Setting found = null;
        for (Setting setting : values()) {
            if (setting.builderName.equals(name)) {
                return Optional.of(setting);
            }
            if (setting.builderName.endsWith("." + name)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = setting;
            }
        }
        return Optional.ofNullable(found);
    }
}
