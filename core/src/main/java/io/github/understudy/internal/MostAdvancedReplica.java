package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.PromotionContext;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.PromotionStrategy;
import io.github.understudy.RejectedCandidate;
import io.github.understudy.ReplicationDialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default promotion: freeze every candidate's receiver, let it apply its relay log, reject the unfit (never
 * promote, replication error, relay log not applied in time, errant transactions), promote the most advanced.
 */
public final class MostAdvancedReplica implements PromotionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MostAdvancedReplica.class);

    /** A candidate that passed every check, with its open admin connection. */
    private record Fit(HostAndPort node, Connection connection, String executed, int order) {
    }

    @Override
    public PromotionOutcome promote(PromotionContext context) throws SQLException {
        List<RejectedCandidate> rejected = new ArrayList<>();
        List<Fit> fit = new ArrayList<>();
        try {
            for (Object result : evaluateAll(context)) {
                if (result instanceof Fit f) {
                    fit.add(f);
                } else {
                    rejected.add((RejectedCandidate) result);
                }
            }
            if (fit.isEmpty()) {
                return PromotionOutcome.nothing("no replica can be promoted", rejected);
            }
            Fit best = mostAdvanced(context, fit);
            fit.stream().filter(f -> f != best).forEach(f -> rejected.add(new RejectedCandidate(f.node(),
                    "less advanced than " + best.node() + " (or equal, and not preferred): has " + f.executed()
                            + ", " + best.node() + " has " + best.executed())));
            ReplicationDialect dialect = context.dialect();
            execute(best.connection(), dialect.stopReplica(), dialect.resetReplicaAll());
            execute(best.connection(), dialect.makeWritable().toArray(String[]::new));
            return PromotionOutcome.promoted(best.node(), rejected);
        } finally {
            for (Fit f : fit) {
                close(f.connection());
            }
        }
    }

    /**
     * Checks every candidate at once, each on its own short-lived thread: stopping a receiver that is stuck
     * connecting to a hung master blocks until its connect attempt times out ({@code slave_net_timeout}), and
     * one such wait per candidate in turn would add up.
     */
    private List<Object> evaluateAll(PromotionContext context) {
        List<HostAndPort> candidates = context.candidates();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, candidates.size()), task -> {
            Thread thread = new Thread(task, context.dataSourceName() + "-promotion");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Object>> results = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                HostAndPort node = candidates.get(i);
                int order = i;
                results.add(CompletableFuture.supplyAsync(() -> evaluate(context, node, order), threads));
            }
            return results.stream().map(CompletableFuture::join).collect(java.util.stream.Collectors.toList());
        } finally {
            threads.shutdownNow();
        }
    }

    /** A {@link Fit} (its connection left open) or a {@link RejectedCandidate}. */
    private Object evaluate(PromotionContext context, HostAndPort node, int order) {
        if (context.neverPromote().contains(node)) {
            return new RejectedCandidate(node, "marked never promote (failover.neverPromote)");
        }
        Connection connection = null;
        try {
            connection = context.admin(node);
            String problem = prepare(context, node, connection);
            if (problem.isEmpty()) {
                Fit fit = new Fit(node, connection, executed(context.dialect(), connection), order);
                connection = null;
                return fit;
            }
            return new RejectedCandidate(node, problem);
        } catch (SQLException e) {
            return new RejectedCandidate(node, "failed during checks: " + NodeProbe.reason(e));
        } finally {
            close(connection);
        }
    }

    /** Stops the receiver, waits for the relay log, checks for errors and errant transactions; "" when fit. */
    private String prepare(PromotionContext context, HostAndPort node, Connection connection) throws SQLException {
        ReplicationDialect dialect = context.dialect();
        execute(connection, dialect.stopReceiver());
        // The relay-log wait starts now: stopping a receiver stuck on a hung master can itself take seconds.
        long deadline = System.nanoTime() + context.relayLogWait().toNanos();
        String sqlError;
        String retrieved;
        String masterUuid;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.replicaStatus())) {
            if (!rs.next()) {
                return "not a replica";
            }
            sqlError = nullToEmpty(rs.getString("Last_SQL_Error"));
            retrieved = nullToEmpty(rs.getString(dialect.retrievedColumn())).replace("\n", "");
            masterUuid = dialect.mariadb() ? null : rs.getString(dialect.column("Master_UUID"));
        }
        if (!sqlError.isEmpty()) {
            return "replication error: " + sqlError;
        }
        if (!retrieved.isEmpty() && !applied(connection, dialect, retrieved, deadline)) {
            return "relay log not applied within " + context.relayLogWait() + " (failover.relayLogWait)";
        }
        String masterKnown = context.topology().node(context.failedMaster()).map(NodeStatus::gtidPosition).orElse("");
        String executed = executed(dialect, connection);
        LOG.info("{} - candidate {}: received {}, has {}", context.dataSourceName(), node,
                retrieved.isEmpty() ? "nothing" : retrieved, executed);
        String errant = errant(dialect, connection, executed, masterKnown, masterUuid);
        return errant.isEmpty() ? "" : "errant transactions: " + errant;
    }

    private static boolean applied(Connection connection, ReplicationDialect dialect, String retrieved, long deadline)
            throws SQLException {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.waitForApplied(retrieved, left))) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    private static String errant(ReplicationDialect dialect, Connection connection, String executed,
                                 String masterKnown, String masterUuid) throws SQLException {
        if (dialect.mariadb()) {
            return masterKnown.isEmpty() ? "" : Gtids.mariadbErrant(executed, masterKnown);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT GTID_SUBTRACT(?, ?)")) {
            statement.setString(1, executed);
            statement.setString(2, masterKnown);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                // What the dead master wrote after our last look at it is not errant: it is the master's own.
                return Gtids.mysqlWithout(nullToEmpty(rs.getString(1)).replace("\n", ""), masterUuid);
            }
        }
    }

    private Fit mostAdvanced(PromotionContext context, List<Fit> fit) throws SQLException {
        Fit best = fit.get(0);
        for (Fit other : fit.subList(1, fit.size())) {
            int compared = compare(context.dialect(), other, best);
            boolean preferred = context.preferPromote().contains(other.node())
                    && !context.preferPromote().contains(best.node());
            if (compared > 0 || compared == 0 && preferred) {
                best = other;
            }
        }
        return best;
    }

    /** Positive when {@code a} is more advanced than {@code b}, 0 when equal. */
    private static int compare(ReplicationDialect dialect, Fit a, Fit b) throws SQLException {
        if (dialect.mariadb()) {
            return Long.compare(Gtids.mariadbProgress(a.executed()), Gtids.mariadbProgress(b.executed()));
        }
        boolean aHasB = subset(a.connection(), b.executed(), a.executed());
        boolean bHasA = subset(a.connection(), a.executed(), b.executed());
        if (aHasB != bHasA) {
            return aHasB ? 1 : -1;
        }
        return Long.compare(Gtids.mysqlCount(a.executed()), Gtids.mysqlCount(b.executed()));
    }

    private static boolean subset(Connection connection, String small, String large) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GTID_SUBSET(?, ?)")) {
            statement.setString(1, small);
            statement.setString(2, large);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    static String executed(ReplicationDialect dialect, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@global." + dialect.gtidVariable())) {
            rs.next();
            return nullToEmpty(rs.getString(1)).replace("\n", "");
        }
    }

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "most-advanced-replica";
    }
}
