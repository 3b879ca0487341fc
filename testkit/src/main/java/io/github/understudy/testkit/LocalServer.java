package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.FileTree;
import io.github.understudy.testkit.internal.LocalInstall;
import io.github.understudy.testkit.internal.Ports;
import io.github.understudy.testkit.internal.ServerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One server run as a local process, with a copy of the install's template data directory. */
final class LocalServer implements ServerHandle {

    private final LocalInstall install;
    private final Path template;
    private final Path tls;
    private final NodeSpec spec;
    private final int port;
    /** Held from creation to {@link #destroy()}, and again if the cluster is rebuilt: no other server gets it. */
    private Ports.Reservation reservation;
    private volatile ServerProcess process;

    LocalServer(LocalInstall install, Path template, Path tls, NodeSpec spec) {
        this.install = install;
        this.template = template;
        this.tls = tls;
        this.spec = spec;
        this.reservation = Ports.shared().reserve();
        this.port = reservation.port();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        if (reservation == null) {
            reservation = Ports.shared().reserve(port); // rebuilt on the same port: the proxy points there
        }
        try {
            Path data = spec.directory().resolve("data");
            if (!Files.exists(data)) {
                Files.createDirectories(spec.directory());
                FileTree.copy(template, data);
            }
            Path cnf = spec.directory().resolve("my.cnf");
            Files.writeString(cnf, myCnf(data));
            process = ServerProcess.start(List.of(install.server().toString(), "--defaults-file=" + cnf),
                    spec.directory().resolve("stdout.log"), spec.directory().resolve("error.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name(), e);
        }
    }

    private String myCnf(Path data) {
        boolean mariadb = install.flavor() == Flavor.MARIADB;
        boolean newNames = install.usesReplicaVariables();
        Map<String, String> cnf = new LinkedHashMap<>();
        cnf.put("basedir", install.basedir().toString());
        cnf.put("datadir", data.toString());
        cnf.put("port", Integer.toString(port));
        cnf.put("bind_address", "127.0.0.1");
        cnf.put("socket", socket().toString());
        cnf.put("pid_file", spec.directory().resolve("mysqld.pid").toString());
        cnf.put("log_error", spec.directory().resolve("error.log").toString());
        if ("root".equals(System.getProperty("user.name"))) {
            cnf.put("user", "root");
        }
        cnf.put("skip_name_resolve", "ON");
        cnf.put("server_id", Long.toString(spec.serverId()));
        cnf.put("log_bin", "mysql-bin");
        cnf.put("relay_log", "relay-bin");
        cnf.put("binlog_format", "ROW");
        cnf.put(newNames ? "log_replica_updates" : "log_slave_updates", "ON");
        // Replicas notice a dead or hung master in 2 s, not the default 60 s (heartbeat every 0.25 s): a
        // receiver stuck connecting to a hung master also gives up (and lets STOP SLAVE return) that fast.
        cnf.put(newNames ? "replica_net_timeout" : "slave_net_timeout", "2");
        cnf.put("report_host", "127.0.0.1");
        cnf.put("report_port", Integer.toString(port));
        cnf.put("read_only", spec.replica() ? "ON" : "OFF");
        // Small and fast: these servers hold test data only, and a process crash keeps the OS page cache.
        cnf.put("innodb_buffer_pool_size", "32M");
        cnf.put("innodb_log_buffer_size", "2M");
        cnf.put("innodb_flush_log_at_trx_commit", "2");
        cnf.put("sync_binlog", "0");
        // Linux AIO contexts are machine-wide (fs.aio-max-nr, 65536 by default) and InnoDB takes 256 per I/O thread,
        // 2048 with the default 4+4: with every engine's clusters up at once, a server failed "io_setup() failed
        // with EAGAIN". One reader and one writer are plenty for test data.
        cnf.put("innodb_read_io_threads", "1");
        cnf.put("innodb_write_io_threads", "1");
        cnf.put("performance_schema", "OFF");
        cnf.put("key_buffer_size", "1M");
        cnf.put("max_connections", Integer.toString(spec.maxConnections()));
        cnf.put("table_open_cache", "200");
        if (mariadb) {
            cnf.put("gtid_strict_mode", "ON");
            cnf.put("gtid_domain_id", "0");
            cnf.put("innodb_log_file_size", "8M");
            cnf.put("aria_pagecache_buffer_size", "1M");
            if (spec.semiSync()) {
                semiSync(cnf);
            }
            cnf.put("ssl_cert", tls.resolve("cert.pem").toString());
            cnf.put("ssl_key", tls.resolve("key.pem").toString());
        } else {
            cnf.put("mysqlx", "OFF");
            // MySQL's default is gtid_mode=OFF: binary log coordinates, the seed's own set-up.
            cnf.put("gtid_mode", spec.gtid() ? "ON" : "OFF");
            cnf.put("enforce_gtid_consistency", spec.gtid() ? "ON" : "OFF");
            cnf.put("super_read_only", spec.replica() ? "ON" : "OFF");
        }
        StringBuilder text = new StringBuilder(mariadb ? "[mariadbd]\n" : "[mysqld]\n");
        cnf.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * Semi-sync on every node, in the configuration so that a restarted node keeps it; the master side is switched
     * on at bootstrap, and by Understudy when it promotes a replica. No fallback to asynchronous replication (an
     * hour's timeout): with a fallback, a hung master that resumes after a failover acknowledges its in-flight
     * commits before it can be fenced, and those writes exist only there. A semi-sync replica that stops its
     * receiver first connects to the master to end its dump thread, for up to
     * {@code rpl_semi_sync_slave_kill_conn_timeout} (5 s by default): with a hung master, every failover would
     * wait that long. A killed master restarts as a replica ({@code init_rpl_role=SLAVE}): its crash recovery
     * rolls back and truncates the commits no replica acknowledged, which it would otherwise keep (errant, so it
     * could not rejoin); MariaDB 10.6.18+ truncates only with this role.
     */
    private static void semiSync(Map<String, String> cnf) {
        cnf.put("rpl_semi_sync_slave_enabled", "ON");
        cnf.put("init_rpl_role", "SLAVE");
        cnf.put("rpl_semi_sync_slave_kill_conn_timeout", "1");
        cnf.put("rpl_semi_sync_master_timeout", "3600000");
        cnf.put("rpl_semi_sync_master_wait_point", "AFTER_SYNC");
    }

    private Path socket() {
        // A unix socket path must stay under ~107 bytes, so it can't live under a deep build directory.
        return Path.of(System.getProperty("java.io.tmpdir"), "understudy-" + port + ".sock");
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    @Override
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void pause() {
        requireRunning("pause").signal("STOP");
    }

    @Override
    public void resume() {
        requireRunning("resume").signal("CONT");
    }

    private ServerProcess requireRunning(String action) {
        ServerProcess current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException("cannot " + action + " " + spec.name() + ": it is not running");
        }
        return current;
    }

    @Override
    public boolean isRunning() {
        ServerProcess current = process;
        return current != null && current.isAlive();
    }

    @Override
    public InetSocketAddress directAddress() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public InetSocketAddress replicationAddress() {
        return directAddress();
    }

    @Override
    public void checkAlive() {
        if (!isRunning()) {
            throw new IllegalStateException(spec.name() + " (" + install.flavor() + " " + install.version()
                    + ", port " + port + ") is not running; the end of " + spec.directory().resolve("error.log")
                    + ":\n" + tail(spec.directory().resolve("error.log")));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void destroy() {
        if (isRunning()) {
            kill();
        }
        if (reservation != null) {
            reservation.close();
            reservation = null;
        }
        FileTree.delete(spec.directory());
        try {
            Files.deleteIfExists(socket());
            Files.deleteIfExists(Path.of(socket() + ".lock"));
        } catch (IOException e) {
            // a stale socket file is harmless
        }
    }
}
