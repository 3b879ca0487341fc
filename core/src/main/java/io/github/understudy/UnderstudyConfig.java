package io.github.understudy;

import io.github.understudy.internal.AddressParser;
import io.github.understudy.internal.Check;
import io.github.understudy.internal.ConfigRules;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one Understudy DataSource. Immutable: make one with {@link #builder()}, change a copy with
 * {@link #toBuilder()}. Each setting is described, with its unit and default, on its {@link Builder} method.
 */
public final class UnderstudyConfig {

    private final String name;
    private final List<HostAndPort> hosts;
    private final HostAndPort master;
    private final String database;
    private final String username;
    private final String password;
    private final String adminUsername;
    private final String adminPassword;
    private final Map<String, String> driverProperties;
    private final PoolSettings masterPool;
    private final PoolSettings replicaPool;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final Duration probeInterval;
    private final Duration healthyProbeInterval;
    private final Duration probeTimeout;
    private final int failuresToEvict;
    private final int successesToReadmit;
    private final Duration maxReplicaLag;
    private final LagSource lagSource;
    private final Duration heartbeatInterval;
    private final ReplicaSelector readStrategy;
    private final boolean readFallbackToMaster;
    private final boolean retryReads;
    private final boolean startDegraded;
    private final Duration masterWaitTimeout;
    private final List<UnderstudyListener> listeners;
    private final Clock clock;
    private final UnderstudyMetrics metrics;
    private final FailoverSettings failover;
    private final Consistency consistency;
    private final Duration readYourWritesWait;

    private UnderstudyConfig(Builder b) {
        name = b.name;
        hosts = b.hosts;
        master = b.master;
        database = b.database;
        username = b.username;
        password = b.password;
        adminUsername = b.adminUsername;
        adminPassword = b.adminPassword;
        driverProperties = b.driverProperties;
        masterPool = b.masterPool;
        replicaPool = b.replicaPool;
        connectTimeout = b.connectTimeout;
        socketTimeout = b.socketTimeout;
        probeInterval = b.probeInterval;
        healthyProbeInterval = b.healthyProbeInterval == null ? b.probeInterval : b.healthyProbeInterval;
        probeTimeout = b.probeTimeout;
        failuresToEvict = b.failuresToEvict;
        successesToReadmit = b.successesToReadmit;
        maxReplicaLag = b.maxReplicaLag;
        lagSource = b.lagSource;
        heartbeatInterval = b.heartbeatInterval;
        readStrategy = b.readStrategy;
        readFallbackToMaster = b.readFallbackToMaster;
        retryReads = b.retryReads;
        startDegraded = b.startDegraded;
        masterWaitTimeout = b.masterWaitTimeout;
        listeners = List.copyOf(b.listeners);
        clock = b.clock;
        metrics = b.metrics;
        failover = b.failover;
        consistency = b.consistency;
        readYourWritesWait = b.readYourWritesWait;
    }

    /** {@return a builder holding the defaults; {@code hosts} and the four credentials have none and must be set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to derive a changed configuration} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the DataSource's name, the prefix of its log lines; see {@link Builder#name(String)}} */
    public String name() {
        return name;
    }

    /** {@return the servers of the cluster, in configured order; see {@link Builder#hosts(List)}} */
    public List<HostAndPort> hosts() {
        return hosts;
    }

    /** {@return the master named at start, empty when roles are discovered; see {@link Builder#master(String)}} */
    public Optional<HostAndPort> master() {
        return Optional.ofNullable(master);
    }

    /** {@return the default schema of application connections, if any; see {@link Builder#database(String)}} */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** {@return the application user; see {@link Builder#username(String)}} */
    public String username() {
        return username;
    }

    /** {@return the application user's password; see {@link Builder#password(String)}} */
    public String password() {
        return password;
    }

    /** {@return the monitoring and promotion user; see {@link Builder#adminUsername(String)}} */
    public String adminUsername() {
        return adminUsername;
    }

    /** {@return the admin user's password; see {@link Builder#adminPassword(String)}} */
    public String adminPassword() {
        return adminPassword;
    }

    /** {@return the extra Connector/J properties; see {@link Builder#driverProperties(Map)}} */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** {@return the master's pool settings; see {@link Builder#masterPool(PoolSettings)}} */
    public PoolSettings masterPool() {
        return masterPool;
    }

    /** {@return the pool settings of each replica; see {@link Builder#replicaPool(PoolSettings)}} */
    public PoolSettings replicaPool() {
        return replicaPool;
    }

    /** {@return the connect timeout of application connections; see {@link Builder#connectTimeout(Duration)}} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the socket timeout of application connections, zero for none; see {@link Builder#socketTimeout}} */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** {@return how often each node is probed; see {@link Builder#probeInterval(Duration)}} */
    public Duration probeInterval() {
        return probeInterval;
    }

    /**
     * {@return how often a node that is UP is probed: {@link #probeInterval()} unless set; see
     * {@link Builder#healthyProbeInterval(Duration)}}
     */
    public Duration healthyProbeInterval() {
        return healthyProbeInterval;
    }

    /** {@return the connect and socket timeout of probes; see {@link Builder#probeTimeout(Duration)}} */
    public Duration probeTimeout() {
        return probeTimeout;
    }

    /** {@return how many consecutive failures evict a node; see {@link Builder#failuresToEvict(int)}} */
    public int failuresToEvict() {
        return failuresToEvict;
    }

    /** {@return how many consecutive good probes re-admit a node; see {@link Builder#successesToReadmit(int)}} */
    public int successesToReadmit() {
        return successesToReadmit;
    }

    /** {@return the most a replica may lag and still serve reads; see {@link Builder#maxReplicaLag(Duration)}} */
    public Duration maxReplicaLag() {
        return maxReplicaLag;
    }

    /** {@return where replica lag is read from; see {@link Builder#lagSource(LagSource)}} */
    public LagSource lagSource() {
        return lagSource;
    }

    /** {@return how often the heartbeat is written; see {@link Builder#heartbeatInterval(Duration)}} */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** {@return the selector that picks the replica of each read; see {@link Builder#readStrategy}} */
    public ReplicaSelector readStrategy() {
        return readStrategy;
    }

    /** {@return whether reads fall back to the master; see {@link Builder#readFallbackToMaster(boolean)}} */
    public boolean readFallbackToMaster() {
        return readFallbackToMaster;
    }

    /** {@return whether a failed autocommit read is retried once elsewhere; see {@link Builder#retryReads(boolean)}} */
    public boolean retryReads() {
        return retryReads;
    }

    /** {@return whether the DataSource starts without a master; see {@link Builder#startDegraded(boolean)}} */
    public boolean startDegraded() {
        return startDegraded;
    }

    /** {@return how long a write waits for a master; see {@link Builder#masterWaitTimeout(Duration)}} */
    public Duration masterWaitTimeout() {
        return masterWaitTimeout;
    }

    /** {@return how a dead master is handled; see {@link Builder#failover(FailoverSettings)}} */
    public FailoverSettings failover() {
        return failover;
    }

    /** {@return what reads may see by default; see {@link Builder#consistency(Consistency)}} */
    public Consistency consistency() {
        return consistency;
    }

    /** {@return how long a read-your-writes read waits on a replica; see {@link Builder#readYourWritesWait(Duration)}} */
    public Duration readYourWritesWait() {
        return readYourWritesWait;
    }

    /** {@return where routing and pool metrics go; see {@link Builder#metrics(UnderstudyMetrics)}} */
    public UnderstudyMetrics metrics() {
        return metrics;
    }

    /** {@return the event listeners, in call order; see {@link Builder#listeners(List)}} */
    public List<UnderstudyListener> listeners() {
        return listeners;
    }

    /** {@return the clock of events and health decisions; see {@link Builder#clock(Clock)}} */
    public Clock clock() {
        return clock;
    }

    /** {@return every setting, with both passwords and password-like driver properties shown as {@code ****}} */
    @Override
    public String toString() {
        return "UnderstudyConfig{name=" + name + ", hosts=" + hosts + ", master=" + master + ", database=" + database
                + ", username=" + username + ", password=" + ConfigRules.MASK + ", adminUsername=" + adminUsername
                + ", adminPassword=" + ConfigRules.MASK
                + ", driverProperties=" + ConfigRules.maskSecrets(driverProperties)
                + ", masterPool=" + masterPool + ", replicaPool=" + replicaPool
                + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout
                + ", probeInterval=" + probeInterval + ", healthyProbeInterval=" + healthyProbeInterval
                + ", probeTimeout=" + probeTimeout
                + ", failuresToEvict=" + failuresToEvict + ", successesToReadmit=" + successesToReadmit
                + ", maxReplicaLag=" + maxReplicaLag + ", lagSource=" + lagSource
                + ", heartbeatInterval=" + heartbeatInterval + ", readStrategy=" + readStrategy
                + ", readFallbackToMaster=" + readFallbackToMaster + ", retryReads=" + retryReads
                + ", startDegraded=" + startDegraded + ", masterWaitTimeout=" + masterWaitTimeout
                + ", listeners=" + listeners.size() + ", clock=" + clock + ", consistency=" + consistency
                + ", readYourWritesWait=" + readYourWritesWait + ", failover=" + failover + "}";
    }

    /**
     * Builds an {@link UnderstudyConfig}. Each setter checks its own value at once and throws
     * ({@link IllegalArgumentException}, or {@link NullPointerException} for a null) with a message naming the
     * setting, the rule and the value, keeping its previous value; {@link #build()} checks the settings against
     * each other. Not thread-safe.
     */
    public static final class Builder {

        private String name = "understudy";
        private List<HostAndPort> hosts = List.of();
        private HostAndPort master;
        private String database;
        private String username;
        private String password;
        private String adminUsername;
        private String adminPassword;
        private Map<String, String> driverProperties = Map.of();
        private PoolSettings masterPool = PoolSettings.defaults();
        private PoolSettings replicaPool = PoolSettings.defaults();
        private Duration connectTimeout = Duration.ofSeconds(1);
        private Duration socketTimeout = Duration.ofSeconds(30);
        private Duration probeInterval = Duration.ofMillis(500);
        private Duration healthyProbeInterval;
        private Duration probeTimeout = Duration.ofSeconds(1);
        private int failuresToEvict = 2;
        private int successesToReadmit = 2;
        private Duration maxReplicaLag = Duration.ofSeconds(5);
        private LagSource lagSource = LagSource.SECONDS_BEHIND_MASTER;
        private Duration heartbeatInterval = Duration.ofMillis(250);
        private ReplicaSelector readStrategy = ReplicaSelector.roundRobin();
        private boolean readFallbackToMaster = true;
        private boolean retryReads = true;
        private boolean startDegraded;
        private Duration masterWaitTimeout = Duration.ofSeconds(2);
        private List<UnderstudyListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private UnderstudyMetrics metrics = UnderstudyMetrics.noop();
        private FailoverSettings failover = FailoverSettings.defaults();
        private Consistency consistency = Consistency.EVENTUAL;
        private Duration readYourWritesWait = Duration.ofMillis(200);

        private Builder() {
        }

        private Builder(UnderstudyConfig c) {
            name = c.name;
            hosts = c.hosts;
            master = c.master;
            database = c.database;
            username = c.username;
            password = c.password;
            adminUsername = c.adminUsername;
            adminPassword = c.adminPassword;
            driverProperties = c.driverProperties;
            masterPool = c.masterPool;
            replicaPool = c.replicaPool;
            connectTimeout = c.connectTimeout;
            socketTimeout = c.socketTimeout;
            probeInterval = c.probeInterval;
            healthyProbeInterval = c.healthyProbeInterval;
            probeTimeout = c.probeTimeout;
            failuresToEvict = c.failuresToEvict;
            successesToReadmit = c.successesToReadmit;
            maxReplicaLag = c.maxReplicaLag;
            lagSource = c.lagSource;
            heartbeatInterval = c.heartbeatInterval;
            readStrategy = c.readStrategy;
            readFallbackToMaster = c.readFallbackToMaster;
            retryReads = c.retryReads;
            startDegraded = c.startDegraded;
            masterWaitTimeout = c.masterWaitTimeout;
            listeners = new ArrayList<>(c.listeners);
            clock = c.clock;
            metrics = c.metrics;
            failover = c.failover;
            consistency = c.consistency;
            readYourWritesWait = c.readYourWritesWait;
        }

        /**
         * The DataSource's name: the prefix of its log lines, thread names and events. Default
         * {@code "understudy"}.
         *
         * @param value 1 to 64 ASCII letters, digits, {@code .}, {@code _} or {@code -}, starting with a letter or
         *              digit (it names threads and meters; a newline in it would forge log lines)
         * @return this builder
         */
        public Builder name(String value) {
            name = ConfigRules.name(value);
            return this;
        }

        /**
         * The servers of the cluster, each {@code "host:port"} (IPv6 as {@code "[::1]:3306"}). Required.
         *
         * @param hostAndPorts at least one, no address twice
         * @return this builder
         */
        public Builder hosts(String... hostAndPorts) {
            return hosts(Arrays.asList(Check.notNull("hosts", hostAndPorts)));
        }

        /**
         * The servers of the cluster, each {@code "host:port"} (IPv6 as {@code "[::1]:3306"}), in the order that
         * snapshots and logs list them. Required: the master and every replica that may serve reads or be promoted.
         *
         * @param hostAndPorts at least one, no address twice
         * @return this builder
         */
        public Builder hosts(List<String> hostAndPorts) {
            hosts = ConfigRules.hosts(hostAndPorts);
            return this;
        }

        /**
         * The node that is master at start, when you know it. Default none: roles are discovered by probing
         * ({@code read_only} off and not replicating means master).
         *
         * @param hostAndPort one of the {@link #hosts(List)} (checked in {@link #build()}), or null for none
         * @return this builder
         */
        public Builder master(String hostAndPort) {
            return master(hostAndPort == null ? null : AddressParser.parse("master", hostAndPort));
        }

        /**
         * The node that is master at start; see {@link #master(String)}.
         *
         * @param hostAndPort one of the {@link #hosts(List)} (checked in {@link #build()}), or null for none
         * @return this builder
         */
        public Builder master(HostAndPort hostAndPort) {
            master = hostAndPort;
            return this;
        }

        /**
         * The default schema of application connections. Default none.
         *
         * @param value a database name as the servers accept it (1 to 64 characters, any but control characters,
         *              not ending with a space), or null for none
         * @return this builder
         */
        public Builder database(String value) {
            database = value == null ? null : ConfigRules.database(value);
            return this;
        }

        /**
         * The user that application connections log in as. Required.
         *
         * @param value not blank, without control characters
         * @return this builder
         */
        public Builder username(String value) {
            username = ConfigRules.username("username", value);
            return this;
        }

        /**
         * The password of {@link #username(String)}. Required; never logged, masked in {@code toString()}.
         *
         * @param value the password, {@code ""} for none
         * @return this builder
         */
        public Builder password(String value) {
            password = Check.notNull("password", value);
            return this;
        }

        /**
         * The user of the health monitor's connections, and of promotion and fencing: it needs
         * {@code REPLICATION CLIENT} to probe and {@code SUPER} or {@code REPLICATION_SLAVE_ADMIN} +
         * {@code SYSTEM_VARIABLES_ADMIN} to promote. Required.
         *
         * @param value not blank, without control characters
         * @return this builder
         */
        public Builder adminUsername(String value) {
            adminUsername = ConfigRules.username("adminUsername", value);
            return this;
        }

        /**
         * The password of {@link #adminUsername(String)}. Required; never logged, masked in {@code toString()}.
         *
         * @param value the password, {@code ""} for none
         * @return this builder
         */
        public Builder adminPassword(String value) {
            adminPassword = Check.notNull("adminPassword", value);
            return this;
        }

        /**
         * Extra Connector/J properties for every connection, e.g. {@code sslMode}. Replaces earlier ones. Default
         * none. The keys that Understudy sets itself ({@code user}, {@code password}, {@code connectTimeout},
         * {@code socketTimeout}) are refused: use their settings.
         *
         * @param properties property names and values
         * @return this builder
         */
        public Builder driverProperties(Map<String, String> properties) {
            driverProperties = ConfigRules.driverProperties(properties);
            return this;
        }

        /**
         * The pool settings of the master's pool. Default {@link PoolSettings#defaults()}.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder masterPool(PoolSettings settings) {
            masterPool = Check.notNull("masterPool", settings);
            return this;
        }

        /**
         * The pool settings of each replica's pool. Default {@link PoolSettings#defaults()}.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder replicaPool(PoolSettings settings) {
            replicaPool = Check.notNull("replicaPool", settings);
            return this;
        }

        /**
         * How long an application connection may take to open (TCP and handshake). Default 1 second.
         *
         * @param value {@code > 0} and at most {@code Integer.MAX_VALUE} ms; sub-millisecond parts round up
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            connectTimeout = Check.driverTimeout("connectTimeout", value, false);
            return this;
        }

        /**
         * How long a statement on an application connection may wait for the server's answer before the connection
         * is declared broken. Default 30 seconds. Zero means no limit: a hung server (not a dead one) then blocks the
         * calling thread for ever, and the node is only evicted by its probes. Set it above your slowest query.
         *
         * @param value {@code >= 0} and at most {@code Integer.MAX_VALUE} ms
         * @return this builder
         */
        public Builder socketTimeout(Duration value) {
            socketTimeout = Check.driverTimeout("socketTimeout", value, true);
            return this;
        }

        /**
         * How often each node is probed. Default 500 ms.
         *
         * @param value {@code > 0}
         * @return this builder
         */
        public Builder probeInterval(Duration value) {
            probeInterval = Check.positive("probeInterval", value);
            return this;
        }

        /**
         * How often a node that is UP is probed, for large fleets: 100 application instances probing every node
         * every 500 ms send 400 statements a second to each. A node in any other state is still probed every
         * {@link #probeInterval(Duration)}, and a request that fails on a node probes it at once; but a master that
         * dies while no request reaches it is noticed up to this much later. Default: the probe interval.
         *
         * @param value {@code >= probeInterval}, at most 365 days; null for the probe interval
         * @return this builder
         */
        public Builder healthyProbeInterval(Duration value) {
            healthyProbeInterval = value == null ? null : Check.positive("healthyProbeInterval", value);
            return this;
        }

        /**
         * The connect and socket timeout of the monitor's own connections: a probe slower than this fails. Default
         * 1 second.
         *
         * @param value {@code > 0} and at most {@code Integer.MAX_VALUE} ms
         * @return this builder
         */
        public Builder probeTimeout(Duration value) {
            probeTimeout = Check.driverTimeout("probeTimeout", value, false);
            return this;
        }

        /**
         * How many consecutive failures evict a node (the first makes it {@code SUSPECT}). Default 2.
         *
         * @param value {@code >= 1}
         * @return this builder
         */
        public Builder failuresToEvict(int value) {
            failuresToEvict = Check.atLeast("failuresToEvict", value, 1);
            return this;
        }

        /**
         * How many consecutive good probes re-admit a down or lagging node. Default 2.
         *
         * @param value {@code >= 1}
         * @return this builder
         */
        public Builder successesToReadmit(int value) {
            successesToReadmit = Check.atLeast("successesToReadmit", value, 1);
            return this;
        }

        /**
         * The most a replica may be behind its master and still serve reads. Default 5 seconds.
         *
         * @param value {@code >= 0}; at least 1 second with {@link LagSource#SECONDS_BEHIND_MASTER}
         * @return this builder
         */
        public Builder maxReplicaLag(Duration value) {
            maxReplicaLag = Check.notNegative("maxReplicaLag", value);
            return this;
        }

        /**
         * Where replica lag is read from. Default {@link LagSource#SECONDS_BEHIND_MASTER}.
         *
         * @param value the source
         * @return this builder
         */
        public Builder lagSource(LagSource value) {
            lagSource = Check.notNull("lagSource", value);
            return this;
        }

        /**
         * How often the heartbeat is written, with {@link LagSource#HEARTBEAT} only. Default 250 ms.
         *
         * @param value {@code > 0}, and {@code < maxReplicaLag} with {@link LagSource#HEARTBEAT}
         * @return this builder
         */
        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = Check.positive("heartbeatInterval", value);
            return this;
        }

        /**
         * Which replica serves each read. Default {@link ReplicaSelector#roundRobin()}.
         *
         * @param selector the selector; a weighted one may name only {@link #hosts(List)}
         * @return this builder
         */
        public Builder readStrategy(ReplicaSelector selector) {
            readStrategy = Check.notNull("readStrategy", selector);
            return this;
        }

        /**
         * Whether reads go to the master when no replica is healthy, rather than failing with
         * {@link NoAvailableNodeException}. Default true.
         *
         * @param value whether to fall back
         * @return this builder
         */
        public Builder readFallbackToMaster(boolean value) {
            readFallbackToMaster = value;
            return this;
        }

        /**
         * Whether an autocommit read whose replica dies under it is run once more on another replica, with the same
         * settings and parameters. A read that timed out is never run again (a slow statement is not a dead
         * replica), nor one given a stream, a reader or a batch (they cannot be given twice). Default true.
         *
         * @param value whether to retry
         * @return this builder
         */
        public Builder retryReads(boolean value) {
            retryReads = value;
            return this;
        }

        /**
         * Whether the DataSource starts when the master is unreachable (reads work, writes wait and fail), rather
         * than failing at start. Default false.
         *
         * @param value whether to start degraded
         * @return this builder
         */
        public Builder startDegraded(boolean value) {
            startDegraded = value;
            return this;
        }

        /**
         * How long a write waits for a master to appear (during a failover) before failing with
         * {@link NoAvailableNodeException}. Default 2 seconds.
         *
         * @param value {@code >= 0}; 0 fails at once
         * @return this builder
         */
        public Builder masterWaitTimeout(Duration value) {
            masterWaitTimeout = Check.notNegative("masterWaitTimeout", value);
            return this;
        }

        /**
         * Adds a listener of this DataSource's events.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(UnderstudyListener listener) {
            listeners.add(Check.notNull("listener", listener));
            return this;
        }

        /**
         * Replaces the listeners of this DataSource's events. Default none.
         *
         * @param values the listeners, in the order they are called
         * @return this builder
         */
        public Builder listeners(List<UnderstudyListener> values) {
            listeners = new ArrayList<>(ConfigRules.noNulls("listeners", values));
            return this;
        }

        /**
         * The clock that stamps events and times health decisions; replace it in tests. Default
         * {@link Clock#systemUTC()}.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Check.notNull("clock", value);
            return this;
        }

        /**
         * Where routing and pool metrics go, e.g. the Micrometer binder of the Spring Boot starter. Default
         * {@link UnderstudyMetrics#noop()}.
         *
         * @param value the metrics sink
         * @return this builder
         */
        public Builder metrics(UnderstudyMetrics value) {
            metrics = Check.notNull("metrics", value);
            return this;
        }

        /**
         * How a dead master is handled: the promotion strategy, detection and anti-flapping times, promotion marks,
         * the replication credentials for rejoining old masters. Default {@link FailoverSettings#defaults()}.
         *
         * @param value the failover settings
         * @return this builder
         */
        public Builder failover(FailoverSettings value) {
            failover = Check.notNull("failover", value);
            return this;
        }

        /**
         * What reads may see by default; a connection can override it ({@link UnderstudyConnection}). Default
         * {@link Consistency#EVENTUAL}.
         *
         * @param value the mode
         * @return this builder
         */
        public Builder consistency(Consistency value) {
            consistency = Check.notNull("consistency", value);
            return this;
        }

        /**
         * How long a read-your-writes read may wait on a replica for the session's writes to arrive, before it goes
         * to the master. Default 200 ms.
         *
         * @param value the wait, &gt; 0
         * @return this builder
         */
        public Builder readYourWritesWait(Duration value) {
            readYourWritesWait = Check.positive("readYourWritesWait", value);
            return this;
        }

        /**
         * Checks the settings against each other and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when a required setting is missing or two settings conflict
         */
        public UnderstudyConfig build() {
            UnderstudyConfig config = new UnderstudyConfig(this);
            ConfigRules.checkTogether(config);
            return config;
        }
    }
}
