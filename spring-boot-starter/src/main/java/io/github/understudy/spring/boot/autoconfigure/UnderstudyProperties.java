package io.github.understudy.spring.boot.autoconfigure;

import io.github.understudy.Consistency;
import io.github.understudy.LagSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code understudy.*} settings of the auto-configured Understudy DataSource. Each maps to the
 * {@link io.github.understudy.UnderstudyConfig.Builder} method of the same name, which checks it; the defaults are
 * core's. Whatever properties cannot express (a custom replica selector, a clock) goes through an
 * {@link UnderstudyConfigCustomizer} bean.
 */
@ConfigurationProperties("understudy")
public class UnderstudyProperties {

    /** Whether to auto-configure the Understudy DataSource. */
    private boolean enabled = true;

    /** Name of the DataSource: the prefix of its log lines and thread names, and the tag of its meters. */
    private String name = "understudy";

    /** Servers of the cluster as host:port (IPv6 as [::1]:3306): the master and every replica. Required. */
    private List<String> hosts = new ArrayList<>();

    /** Node that is master at start, as host:port. Unset, roles are discovered by probing. */
    private String master;

    /** Default schema of application connections. */
    private String database;

    /** User that application connections log in as. Required. */
    private String username;

    /** Password of the application user. Required; use "" for none. */
    private String password;

    /** Extra Connector/J properties for every connection, e.g. sslMode. */
    private Map<String, String> driverProperties = new LinkedHashMap<>();

    /** Connect timeout of application connections (TCP and handshake). */
    private Duration connectTimeout = Duration.ofSeconds(1);

    /** How long a statement may wait for the server's answer before its connection counts as broken; 0 for no limit. */
    private Duration socketTimeout = Duration.ofSeconds(30);

    /** How often each node is probed. */
    private Duration probeInterval = Duration.ofMillis(500);

    /**
     * How often a node that is UP is probed (large fleets; at least probe-interval). Unset: probe-interval. A node in
     * any other state is probed every probe-interval, and a failed request probes its node at once.
     */
    private Duration healthyProbeInterval;

    /** Connect and socket timeout of the health probes: a slower probe fails. */
    private Duration probeTimeout = Duration.ofSeconds(1);

    /** How many consecutive failures evict a node (the first makes it SUSPECT). */
    private int failuresToEvict = 2;

    /** How many consecutive good probes re-admit a down or lagging node. */
    private int successesToReadmit = 2;

    /** Most a replica may lag behind its master and still serve reads. */
    private Duration maxReplicaLag = Duration.ofSeconds(5);

    /** Where replica lag is read from: the replica's own Seconds_Behind_Master, or a heartbeat table. */
    private LagSource lagSource = LagSource.SECONDS_BEHIND_MASTER;

    /** How often the heartbeat is written, with lag-source=heartbeat only. */
    private Duration heartbeatInterval = Duration.ofMillis(250);

    /** Which replica serves each read: round-robin, random, least-in-flight, lowest-latency or weighted. */
    private String readStrategy = "round-robin";

    /**
     * Weight per replica for read-strategy=weighted, keyed by host:port in brackets, e.g. weights[db2:3306]=3. A
     * replica with no weight gets 1; weight 0 makes a standby.
     */
    private Map<String, Integer> weights = new LinkedHashMap<>();

    /** Whether reads go to the master when no replica is healthy, rather than failing. */
    private boolean readFallbackToMaster = true;

    /** Whether an autocommit read whose replica dies under it is run once more on another replica. */
    private boolean retryReads = true;

    /**
     * What reads may see by default: eventual (any healthy replica), read-your-writes (a replica that has applied
     * the session's writes, else the master) or strong (the master). @Consistent and connections can override it.
     */
    private Consistency consistency = Consistency.EVENTUAL;

    /** How long a read-your-writes read may wait on a replica for the session's writes before going to the master. */
    private Duration readYourWritesWait = Duration.ofMillis(200);

    /** Whether the DataSource starts when no master is reachable (reads work, writes wait and fail). */
    private boolean startDegraded;

    /** How long a write waits for a master to appear before failing with SQLState 08001. */
    private Duration masterWaitTimeout = Duration.ofSeconds(2);

    /** User of the health probes, and of promotion and fencing. */
    private final Admin admin = new Admin();

    /** Connection pools: one per node, with the master's or the replicas' settings. */
    @NestedConfigurationProperty
    private final UnderstudyPoolProperties pool = new UnderstudyPoolProperties();

    /** What to do when the master dies: automatic failover, and planned switchovers. */
    @NestedConfigurationProperty
    private final UnderstudyFailoverProperties failover = new UnderstudyFailoverProperties();

    /** The understudy actuator endpoint. */
    private final Endpoint endpoint = new Endpoint();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getHosts() {
        return hosts;
    }

    public void setHosts(List<String> hosts) {
        this.hosts = hosts;
    }

    public String getMaster() {
        return master;
    }

    public void setMaster(String master) {
        this.master = master;
    }

    public String getDatabase() {
        return database;
    }

    public void setDatabase(String database) {
        this.database = database;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Map<String, String> getDriverProperties() {
        return driverProperties;
    }

    public void setDriverProperties(Map<String, String> driverProperties) {
        this.driverProperties = driverProperties;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    public Duration getProbeInterval() {
        return probeInterval;
    }

    public void setProbeInterval(Duration probeInterval) {
        this.probeInterval = probeInterval;
    }

    public Duration getHealthyProbeInterval() {
        return healthyProbeInterval;
    }

    public void setHealthyProbeInterval(Duration healthyProbeInterval) {
        this.healthyProbeInterval = healthyProbeInterval;
    }

    public Duration getProbeTimeout() {
        return probeTimeout;
    }

    public void setProbeTimeout(Duration probeTimeout) {
        this.probeTimeout = probeTimeout;
    }

    public int getFailuresToEvict() {
        return failuresToEvict;
    }

    public void setFailuresToEvict(int failuresToEvict) {
        this.failuresToEvict = failuresToEvict;
    }

    public int getSuccessesToReadmit() {
        return successesToReadmit;
    }

    public void setSuccessesToReadmit(int successesToReadmit) {
        this.successesToReadmit = successesToReadmit;
    }

    public Duration getMaxReplicaLag() {
        return maxReplicaLag;
    }

    public void setMaxReplicaLag(Duration maxReplicaLag) {
        this.maxReplicaLag = maxReplicaLag;
    }

    public LagSource getLagSource() {
        return lagSource;
    }

    public void setLagSource(LagSource lagSource) {
        this.lagSource = lagSource;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public String getReadStrategy() {
        return readStrategy;
    }

    public void setReadStrategy(String readStrategy) {
        this.readStrategy = readStrategy;
    }

    public Map<String, Integer> getWeights() {
        return weights;
    }

    public void setWeights(Map<String, Integer> weights) {
        this.weights = weights;
    }

    public boolean isReadFallbackToMaster() {
        return readFallbackToMaster;
    }

    public void setReadFallbackToMaster(boolean readFallbackToMaster) {
        this.readFallbackToMaster = readFallbackToMaster;
    }

    public boolean isRetryReads() {
        return retryReads;
    }

    public void setRetryReads(boolean retryReads) {
        this.retryReads = retryReads;
    }

    public Consistency getConsistency() {
        return consistency;
    }

    public void setConsistency(Consistency consistency) {
        this.consistency = consistency;
    }

    public Duration getReadYourWritesWait() {
        return readYourWritesWait;
    }

    public void setReadYourWritesWait(Duration readYourWritesWait) {
        this.readYourWritesWait = readYourWritesWait;
    }

    public boolean isStartDegraded() {
        return startDegraded;
    }

    public void setStartDegraded(boolean startDegraded) {
        this.startDegraded = startDegraded;
    }

    public Duration getMasterWaitTimeout() {
        return masterWaitTimeout;
    }

    public void setMasterWaitTimeout(Duration masterWaitTimeout) {
        this.masterWaitTimeout = masterWaitTimeout;
    }

    public Admin getAdmin() {
        return admin;
    }

    public UnderstudyPoolProperties getPool() {
        return pool;
    }

    public UnderstudyFailoverProperties getFailover() {
        return failover;
    }

    public Endpoint getEndpoint() {
        return endpoint;
    }

    /**
     * The user of the health probes, and of promotion and fencing: needs REPLICATION CLIENT to probe, and SUPER or
     * REPLICATION_SLAVE_ADMIN and SYSTEM_VARIABLES_ADMIN to promote.
     */
    public static class Admin {

        /** User of the health probes' own connections, and of promotion and fencing. Required. */
        private String username;

        /** Password of the admin user. Required; use "" for none. */
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** The understudy actuator endpoint. */
    public static class Endpoint {

        /** How many recent events the endpoint shows. */
        private int recentEvents = 50;

        public int getRecentEvents() {
            return recentEvents;
        }

        public void setRecentEvents(int recentEvents) {
            this.recentEvents = recentEvents;
        }
    }
}
