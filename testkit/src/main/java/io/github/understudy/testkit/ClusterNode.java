package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.TcpProxy;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One server of a {@link ReplicationCluster}, as the application sees it: {@link #port()} is a TCP proxy in
 * front of the server, so network faults hit the application's path while replication between the servers
 * (which connects to {@link #serverPort()} directly) still flows.
 */
public final class ClusterNode {

    private final ReplicationCluster cluster;
    private final String name;
    private final long serverId;
    private final ServerHandle server;
    private final TcpProxy proxy;
    private volatile boolean paused;

    ClusterNode(ReplicationCluster cluster, NodeSpec spec, ServerHandle server) {
        this.cluster = cluster;
        this.name = spec.name();
        this.serverId = spec.serverId();
        this.server = server;
        this.proxy = new TcpProxy(0, server::directAddress);
    }

    /** @return the node's name in this cluster: {@code n1} (the first master), {@code n2}, ... */
    public String name() {
        return name;
    }

    /** @return the server's {@code server_id} */
    public long serverId() {
        return serverId;
    }

    /** @return the host the application connects to: always {@code 127.0.0.1} */
    public String host() {
        return "127.0.0.1";
    }

    /** @return the application's port for this node (the proxy's) */
    public int port() {
        return proxy.port();
    }

    /** @return {@code host:port} as the application uses it, e.g. in Understudy's host list */
    public String address() {
        return host() + ":" + port();
    }

    /** @return the server's own port, bypassing the proxy (replication uses it) */
    public int serverPort() {
        return server.directAddress().getPort();
    }

    /** @return a JDBC URL through the proxy, to the cluster's database */
    public String jdbcUrl() {
        return "jdbc:mysql://" + address() + "/" + cluster.database();
    }

    /** @return whether the server process (or container) is running, paused or not */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** @return whether the server is paused by {@link #pause()} */
    public boolean isPaused() {
        return paused && isRunning();
    }

    /** SIGKILL: the server dies at once, as in a crash; start it again with {@link #start()}. */
    public void kill() {
        paused = false;
        server.kill();
    }

    /** SIGTERM and wait for a clean shutdown. */
    public void stop() {
        paused = false;
        server.stop();
    }

    /** Starts a stopped or killed server with its data, and waits until it accepts connections. */
    public void start() {
        server.start();
        cluster.awaitServing(this);
    }

    /** {@link #stop()} then {@link #start()}: the node serves again with its data. */
    public void restart() {
        stop();
        start();
    }

    /**
     * SIGSTOP: a hung server. TCP connects still succeed (the kernel accepts them) but nothing answers, so
     * clients only notice through their timeouts. Undo with {@link #resume()}.
     */
    public void pause() {
        server.pause();
        paused = true;
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        server.resume();
        paused = false;
    }

    /**
     * Cuts the application off this node while replication still flows: every packet on the application's path
     * is dropped, so connects and reads time out (a one-sided network partition). Undo with {@link #healNetwork()}.
     */
    public void cutFromApplication() {
        proxy.mode(TcpProxy.Mode.BLACKHOLE);
    }

    /**
     * The application's connections are accepted but never answered, open ones included (the same effect as
     * {@link #cutFromApplication()}, named for what a client sees).
     */
    public void blackhole() {
        proxy.mode(TcpProxy.Mode.BLACKHOLE);
    }

    /** Resets the application's open connections and refuses new ones (connection refused / reset). */
    public void resetConnections() {
        proxy.mode(TcpProxy.Mode.RESET);
    }

    /**
     * Adds {@code latency} to every chunk of data on the application's path, both ways.
     *
     * @param latency the delay per chunk; {@link Duration#ZERO} removes it
     */
    public void addLatency(Duration latency) {
        proxy.latency(latency);
    }

    /** Undoes every network fault: the proxy forwards again, with no added latency. */
    public void healNetwork() {
        proxy.latency(Duration.ZERO);
        proxy.mode(TcpProxy.Mode.PASS);
    }

    /** @return whether a network fault or latency is in place */
    boolean networkFaulted() {
        return proxy.mode() != TcpProxy.Mode.PASS;
    }

    /** Stops this replica's SQL (applier) thread: it keeps receiving but falls behind. */
    public void stopApplier() {
        cluster.execute(this, cluster.sql().stopApplier());
    }

    /** Starts this replica's SQL (applier) thread again. */
    public void startApplier() {
        cluster.execute(this, cluster.sql().startApplier());
    }

    /**
     * Makes this replica apply events {@code delay} after the master ran them ({@code MASTER_DELAY}).
     *
     * @param delay whole seconds; {@link Duration#ZERO} removes the delay
     */
    public void delayReplication(Duration delay) {
        // MariaDB wants both replication threads stopped for this, MySQL only the applier.
        cluster.execute(this, cluster.sql().stop(), cluster.sql().delay(delay), cluster.sql().start());
    }

    ServerHandle server() {
        return server;
    }

    InetSocketAddress directAddress() {
        return server.directAddress();
    }

    void closeProxy() {
        proxy.close();
    }

    @Override
    public String toString() {
        return name + "(" + address() + ", server port " + serverPort() + ")";
    }
}
