package io.github.understudy.examples.demo;

import io.github.understudy.FailoverSettings;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.Credentials;
import io.github.understudy.testkit.Engine;
import io.github.understudy.testkit.Flavor;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run of the demo: starts the cluster, Understudy and the load, plays the fault, prints the summary, and
 * stops everything it started. {@link #stop()} may also be called from another thread (Ctrl-C) at any moment.
 */
final class DemoRun {

    private final DemoOptions options;
    private final LiveConsole console;
    private final NodeTracker tracker = new NodeTracker();
    private volatile ReplicationCluster cluster;
    private volatile UnderstudyDataSource dataSource;
    private volatile LoadGenerator load;
    private NodeNames names;
    private EventPrinter events;
    private long clusterStartNanos;
    private volatile long faultAt;
    private volatile long recoveryAt;
    private volatile String faultTarget;
    private boolean stopped;

    DemoRun(DemoOptions options, LiveConsole console) {
        this.options = options;
        this.console = console;
    }

    /**
     * Runs the whole demo.
     *
     * @return the summary; {@link Summary#allExpected()} says whether Understudy did what the fault called for
     */
    Summary run() throws InterruptedException {
        try {
            startCluster();
            startUnderstudy();
            startLoad();
            hold(options.warmUp());
            List<Check> checks = new FaultScenario(this).play();
            hold(options.settle());
            load.close();
            console.close();
            Summary summary = Summary.of(this, checks, finalIds());
            console.raw(summary.render(console.ansi(), console.width()));
            return summary;
        } finally {
            stop();
        }
    }

    private void startCluster() {
        say("starting an embedded " + options.engine() + " cluster: 1 master + " + options.replicas()
                + " replicas, GTID replication (the first run on a machine also extracts the binaries: ~10 s more)");
        long started = System.nanoTime();
        cluster = ReplicationCluster.builder().engine(Engine.parse(options.engine())).replicas(options.replicas())
                .name("demo").start();
        clusterStartNanos = System.nanoTime() - started;
        names = new NodeNames(cluster);
        events = new EventPrinter(console, names);
        say(String.format("cluster up in %.1f s: %s; %s", clusterStartNanos / 1e9, server(),
                cluster.nodes().stream().map(DemoRun::describe).collect(Collectors.joining(", "))));
        cluster.execute(cluster.node("n1"), "CREATE TABLE " + cluster.database() + "." + LoadGenerator.TABLE
                + " (id BIGINT PRIMARY KEY, payload VARCHAR(64) NOT NULL)");
        cluster.awaitReplicasCaughtUp();
    }

    /** @return e.g. {@code MariaDB 11.4.5} */
    String server() {
        return (cluster.flavor() == Flavor.MARIADB ? "MariaDB " : "MySQL ") + cluster.version();
    }

    private static String describe(ClusterNode node) {
        return node.name() + (node.name().equals("n1") ? " master " : " replica ") + node.address();
    }

    private void startUnderstudy() {
        Credentials app = cluster.applicationUser();
        Credentials admin = cluster.adminUser();
        Credentials replication = cluster.replicationUser();
        UnderstudyConfig config = UnderstudyConfig.builder()
                .name("demo")
                .hosts(cluster.addresses())
                .database(cluster.database())
                .username(app.user()).password(app.password())
                .adminUsername(admin.user()).adminPassword(admin.password())
                // More often than the default 500 ms, so that the demo shows a failure within a few hundred ms.
                .probeInterval(Duration.ofMillis(200))
                // A statement stuck on a hung or cut-off server fails after 2 s instead of the default 30 s.
                .socketTimeout(Duration.ofSeconds(2))
                .metrics(tracker)
                .listener(events)
                .failover(FailoverSettings.builder()
                        .strategy(PromotionStrategy.named(options.strategy()))
                        .replicationCredentials(replication.user(), replication.password())
                        .minInterval(Duration.ofSeconds(5))
                        .build())
                .build();
        dataSource = new UnderstudyDataSource(config);
        say("Understudy started: " + names.humanize(dataSource.topology().describe()));
    }

    private void startLoad() {
        load = new LoadGenerator(dataSource, tracker, names);
        load.start(options.writers(), options.readers());
        say("load: " + options.writers() + " writers (INSERT, to the master), " + options.readers()
                + " readers (setReadOnly(true) SELECT, to the replicas)");
        console.line(console.ansi().dim(StatusLine.legend()));
        console.showProgress(new StatusLine(load, dataSource, names, console.ansi())::render);
    }

    /** @return the ids on the final master's table, read as root directly (not through Understudy) */
    private Set<Long> finalIds() {
        Set<Long> ids = new HashSet<>();
        cluster.query(finalMaster(), "SELECT id FROM " + cluster.database() + "." + LoadGenerator.TABLE)
                .forEach(row -> ids.add(((Number) row.get("id")).longValue()));
        return ids;
    }

    /** @return the node its server reports as the writable master now */
    ClusterNode finalMaster() {
        return cluster.master();
    }

    /** Stops the load, Understudy and every server; safe to call twice and from another thread. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        console.close();
        if (load != null) {
            load.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (cluster != null) {
            int servers = cluster.nodes().size();
            cluster.close();
            console.raw("stopped Understudy and the " + servers + " servers of this demo");
        }
    }

    void say(String text) {
        console.line(console.ansi().bold(">> ") + text);
    }

    /** Lets the load run for {@code duration}. */
    void hold(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    void markFault(String node) {
        faultTarget = node;
        faultAt = System.nanoTime();
    }

    void markRecovery() {
        recoveryAt = System.nanoTime();
    }

    DemoOptions options() {
        return options;
    }

    LiveConsole console() {
        return console;
    }

    ReplicationCluster cluster() {
        return cluster;
    }

    UnderstudyDataSource dataSource() {
        return dataSource;
    }

    LoadGenerator load() {
        return load;
    }

    NodeNames names() {
        return names;
    }

    EventPrinter events() {
        return events;
    }

    long clusterStartNanos() {
        return clusterStartNanos;
    }

    long faultAt() {
        return faultAt;
    }

    long recoveryAt() {
        return recoveryAt;
    }

    String faultTarget() {
        return faultTarget;
    }
}
