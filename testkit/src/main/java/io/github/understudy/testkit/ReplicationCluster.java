package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.FileTree;
import io.github.understudy.testkit.internal.Jdbc;
import io.github.understudy.testkit.internal.ProcessRegistry;
import io.github.understudy.testkit.internal.ReplicationSql;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real replication cluster on 127.0.0.1: one master and 0 to 8 replicas, GTID replication, tiny server
 * settings, three users (replication, admin, application) and one database. Each node sits behind a TCP proxy
 * for network faults, and can be killed, paused and restarted for real. Close it to stop every server and
 * delete its files; servers are also stopped when the JVM exits, even by {@code kill -9}.
 *
 * <pre>{@code
 * try (ReplicationCluster cluster = ReplicationCluster.builder().replicas(2).start()) {
 *     cluster.execute(cluster.master(), "CREATE TABLE appdb.t (id INT PRIMARY KEY)");
 *     cluster.awaitReplicasCaughtUp();
 *     cluster.master().kill();
 * }
 * }</pre>
 */
public final class ReplicationCluster implements AutoCloseable {

    /** System property naming the directory under which clusters keep their data; default {@code target/understudy-clusters}. */
    public static final String WORK_DIR_PROPERTY = "understudy.testkit.workDir";

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationCluster.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);

    private final Builder settings;
    private final Backend backend;
    private final Path directory;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final Credentials root = new Credentials("root", "");
    private final Credentials replication = new Credentials("repl", ClusterBootstrap.password());
    private final Credentials admin = new Credentials("understudy_admin", ClusterBootstrap.password());
    private final Credentials application = new Credentials("app", ClusterBootstrap.password());

    private ReplicationCluster(Builder settings) {
        this.settings = settings;
        this.backend = ((Backend.Factory) settings.engine).open();
        if (settings.semiSync && !backend.supportsSemiSync()) {
            backend.close();
            throw new IllegalArgumentException("semiSync needs a server with the semi-sync plugin, but " + engine().name()
                    + " (" + backend.flavor() + " " + backend.version() + ") has none: use Engine.mariadb()");
        }
        this.directory = settings.workDirectory.toAbsolutePath()
                .resolve(settings.name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        for (int i = 0; i <= settings.replicas; i++) {
            NodeSpec spec = new NodeSpec("n" + (i + 1), i + 1, directory.resolve("n" + (i + 1)), i > 0,
                    settings.semiSync, settings.gtid, settings.maxConnections);
            nodes.add(new ClusterNode(this, spec, backend.server(spec)));
        }
    }

    /** @return a builder: MariaDB 11.4 (or the engine named by {@value Engine#ENGINE_PROPERTY}), 2 replicas */
    public static Builder builder() {
        return new Builder();
    }

    private ReplicationCluster bootstrap() {
        long started = System.nanoTime();
        nodes.forEach(node -> node.server().start());
        nodes.forEach(this::awaitServing);
        ClusterNode first = nodes.get(0);
        // Without GTIDs the replicas start where the master's log was before the users and the database existed.
        Map<String, Object> start = query(first, sql().binlogStatus()).get(0);
        for (String sql : ClusterBootstrap.masterStatements(flavor(), settings.database, replication, admin, application)) {
            execute(first, sql);
        }
        String host = first.server().replicationAddress().getHostString();
        int port = first.server().replicationAddress().getPort();
        for (ClusterNode replica : nodes.subList(1, nodes.size())) {
            (settings.gtid ? ClusterBootstrap.replicaStatements(sql(), host, port, replication)
                    : ClusterBootstrap.replicaStatementsAt(sql(), host, port, replication, start.get("File").toString(),
                    ((Number) start.get("Position")).longValue())).forEach(s -> execute(replica, s));
        }
        if (settings.semiSync) {
            execute(first, "SET GLOBAL rpl_semi_sync_master_enabled=ON");
            nodes.subList(1, nodes.size()).forEach(n -> execute(n, sql().stop() + " IO_THREAD", sql().start() + " IO_THREAD"));
        }
        awaitReplicasCaughtUp();
        LOG.info("cluster {} ({} {}, 1+{}{}) serving in {} ms: {}", directory.getFileName(), flavor(), version(),
                settings.replicas, settings.semiSync ? ", semi-sync" : "", (System.nanoTime() - started) / 1_000_000,
                nodes);
        return this;
    }

    /**
     * Waits until the node's own server answers: it accepts connections and reports the node's {@code server_id}.
     * Another server answering on the node's port (its start failed to bind it) is an error, not a node serving.
     */
    void awaitServing(ClusterNode node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            node.server().checkAlive();
            try (Connection connection = openDirect(node, Duration.ofSeconds(5))) {
                checkServerId(node.name(), node.directAddress(), node.serverId(),
                        Long.parseLong(Jdbc.queryString(connection, "SELECT @@server_id")));
                return;
            } catch (SQLException e) {
                last = e;
                sleep(50);
            }
        }
        throw new IllegalStateException(node + " did not accept connections within 90 s", last);
    }

    static void checkServerId(String node, InetSocketAddress address, long own, long answered) {
        if (answered != own) {
            throw new IllegalStateException(node + " (" + address.getHostString() + ":" + address.getPort()
                    + ") answered with server_id " + answered + " instead of its own " + own
                    + ": another server holds its port");
        }
    }

    /** @return the server family */
    public Flavor flavor() {
        return backend.flavor();
    }

    /** @return the server version, e.g. {@code 11.4.5} */
    public String version() {
        return backend.version();
    }

    /** @return the engine that runs the servers */
    public Engine engine() {
        return settings.engine;
    }

    /** @return every node, in order: {@code n1} (the first master), {@code n2}, ... */
    public List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * @param name a node's name, e.g. {@code n2}
     * @return that node
     */
    public ClusterNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("node must be one of " + nodes + ", but was " + name));
    }

    /** @return the node its server reports as master (writable, replicating from no one); n1 if none answers */
    public ClusterNode master() {
        return topology().master().map(report -> node(report.node())).orElse(nodes.get(0));
    }

    /** @return every node but {@link #master()} */
    public List<ClusterNode> replicas() {
        ClusterNode master = master();
        return nodes.stream().filter(n -> n != master).collect(Collectors.toList());
    }

    /** @return the application's {@code host:port} of every node (through the proxies), for Understudy's hosts */
    public List<String> addresses() {
        return nodes.stream().map(ClusterNode::address).collect(Collectors.toList());
    }

    /** @return the database the application user may use */
    public String database() {
        return settings.database;
    }

    /** @return the application user: data privileges on {@link #database()} only */
    public Credentials applicationUser() {
        return application;
    }

    /** @return the admin user: replication control, read_only, sessions, and the {@code understudy} schema */
    public Credentials adminUser() {
        return admin;
    }

    /** @return the user replicas connect with */
    public Credentials replicationUser() {
        return replication;
    }

    /**
     * Runs statements as root on {@code node}, directly (not through its proxy, so network faults don't apply).
     *
     * @param node       the node
     * @param statements SQL statements, run in order
     */
    public void execute(ClusterNode node, String... statements) {
        try (Connection connection = openDirect(node, CONTROL_TIMEOUT)) {
            Jdbc.execute(connection, statements);
        } catch (SQLException e) {
            throw new IllegalStateException(node.name() + ": " + String.join("; ", statements) + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs a query as root on {@code node}, directly.
     *
     * @param node the node
     * @param sql  the query
     * @return its rows, column label to value
     */
    public List<Map<String, Object>> query(ClusterNode node, String sql) {
        try (Connection connection = openDirect(node, CONTROL_TIMEOUT)) {
            return Jdbc.query(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(node.name() + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a root connection straight to the server, bypassing the proxy.
     *
     * @param node          the node
     * @param socketTimeout the connection's socket timeout
     * @return a new connection; close it
     * @throws SQLException when the server does not accept it
     */
    public Connection openDirect(ClusterNode node, Duration socketTimeout) throws SQLException {
        return Jdbc.open(node.directAddress().getHostString(), node.directAddress().getPort(), root.user(),
                root.password(), socketTimeout);
    }

    /** Waits up to 30 s until every running replica has applied everything the master has. */
    public void awaitReplicasCaughtUp() {
        awaitReplicasCaughtUp(Duration.ofSeconds(30));
    }

    /**
     * Waits until every running, unpaused replica has applied everything the current master has.
     *
     * @param timeout how long to wait
     */
    public void awaitReplicasCaughtUp(Duration timeout) {
        ClusterNode master = master();
        // MySQL without GTIDs: by the master's binary log coordinates (MariaDB has GTIDs whatever its replicas use).
        boolean coordinates = !settings.gtid && flavor() == Flavor.MYSQL;
        Map<String, Object> end = coordinates ? query(master, sql().binlogStatus()).get(0) : Map.of();
        String position = coordinates ? end.get("File") + ":" + end.get("Position")
                : query(master, sql().gtidPosition()).get(0).values().iterator().next().toString();
        for (ClusterNode node : nodes) {
            if (node == master || !node.isRunning() || node.isPaused()) {
                continue;
            }
            String wait = coordinates ? sql().waitForCoordinates(end.get("File").toString(),
                    ((Number) end.get("Position")).longValue(), timeout) : sql().waitFor(position, timeout);
            Object result = query(node, wait).get(0).values().iterator().next();
            if (result == null || ((Number) result).intValue() < 0 || !coordinates && ((Number) result).intValue() != 0) {
                throw new IllegalStateException(node.name() + " did not apply " + position + " within " + timeout
                        + " (wait returned " + result + "); topology: " + topology());
            }
        }
    }

    /** @return every node as its server reports itself (paused and stopped nodes are not asked) */
    public ServerTopology topology() {
        return new TopologyReader(this).read(nodes);
    }

    /**
     * Undoes the faults of a test, where that is cheap: heals the network, resumes paused nodes, starts stopped
     * ones, restarts replication appliers and removes delays. If the servers then do not form the original
     * topology (n1 master, the others replicating from it without error), e.g. after a failover, the whole
     * cluster is rebuilt from scratch on the same ports (about 2 s for MariaDB, 5 s for MySQL).
     */
    public void reset() {
        new ClusterReset(this).run();
    }

    void rebuild() {
        LOG.info("rebuilding cluster {} from scratch", directory.getFileName());
        nodes.forEach(node -> node.server().destroy());
        bootstrap();
    }

    ReplicationSql sql() {
        return backend.sql();
    }

    Builder settings() {
        return settings;
    }

    /** Stops every server, closes the proxies and deletes the cluster's files. */
    @Override
    public void close() {
        nodes.forEach(ClusterNode::closeProxy);
        nodes.parallelStream().forEach(node -> node.server().destroy());
        FileTree.delete(directory);
        backend.close();
    }

    @Override
    public String toString() {
        return "ReplicationCluster[" + flavor() + " " + version() + ", " + nodes + "]";
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Settings of a cluster; {@link #start()} builds and starts it. */
    public static final class Builder {
        private Engine engine = Engine.fromSystemProperty();
        private int replicas = 2;
        private boolean semiSync;
        private boolean gtid = true;
        private int maxConnections = 300;
        private String database = "appdb";
        private String name = "cluster";
        private Path workDirectory = Path.of(System.getProperty(WORK_DIR_PROPERTY, "target/understudy-clusters"));

        private Builder() {
        }

        /**
         * @param engine where the servers come from
         * @return this builder
         */
        public Builder engine(Engine engine) {
            this.engine = java.util.Objects.requireNonNull(engine, "engine must not be null");
            return this;
        }

        /**
         * @param replicas how many replicas, 0 to 8 (4 is plenty for tests; more for scale benchmarks)
         * @return this builder
         */
        public Builder replicas(int replicas) {
            if (replicas < 0 || replicas > 8) {
                throw new IllegalArgumentException("replicas must be between 0 and 8, but was " + replicas);
            }
            this.replicas = replicas;
            return this;
        }

        /**
         * @param semiSync whether writes on the master wait for a replica's acknowledgement (MariaDB only here)
         * @return this builder
         */
        public Builder semiSync(boolean semiSync) {
            this.semiSync = semiSync;
            return this;
        }

        /**
         * @param gtid whether replication positions by GTID (the default); false: by binary log coordinates, the
         *             classic set-up (MySQL {@code gtid_mode=OFF}, its own default; MariaDB
         *             {@code MASTER_USE_GTID=no}, though MariaDB writes GTIDs into its binary log whatever)
         * @return this builder
         */
        public Builder gtid(boolean gtid) {
            this.gtid = gtid;
            return this;
        }

        /**
         * @param maxConnections the client connections each server accepts ({@code max_connections}), 10 to 10000;
         *                       300 by default, enough for tests. A fleet of application instances needs more: each
         *                       keeps an admin session and its pool's connections on every node.
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 10 || maxConnections > 10_000) {
                throw new IllegalArgumentException("maxConnections must be between 10 and 10000, but was "
                        + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * @param database the application's database, created empty
         * @return this builder
         */
        public Builder database(String database) {
            if (database == null || !database.matches("[A-Za-z0-9_]{1,64}")) {
                throw new IllegalArgumentException("database must be 1-64 letters, digits or '_', but was " + database);
            }
            this.database = database;
            return this;
        }

        /**
         * @param name a prefix for the cluster's directory, e.g. the test class
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name.replaceAll("[^A-Za-z0-9_.-]", "_");
            return this;
        }

        /**
         * @param workDirectory where the cluster keeps its data directories
         * @return this builder
         */
        public Builder workDirectory(Path workDirectory) {
            this.workDirectory = java.util.Objects.requireNonNull(workDirectory, "workDirectory must not be null");
            return this;
        }

        /** @return the running cluster, replication caught up */
        public ReplicationCluster start() {
            ProcessRegistry.reapOrphans();
            ReplicationCluster cluster = new ReplicationCluster(this);
            try {
                return cluster.bootstrap();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }

        int replicas() {
            return replicas;
        }
    }
}
