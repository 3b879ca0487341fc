package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeStatus;
import io.github.understudy.PromotionContext;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.PromotionStrategy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default promotion: freeze every candidate's receiver, let it apply its relay log, then promote the one
 * {@link CandidateChoice} picks: {@code STOP SLAVE; RESET SLAVE ALL} and writable.
 */
public final class MostAdvancedReplica implements PromotionStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MostAdvancedReplica.class);

    /** What was gathered from a candidate, and its session, kept open until the choice is made. */
    private record Checked(CandidateChoice.Facts facts, ServerSession session) {
    }

    @Override
    public PromotionOutcome promote(PromotionContext context) throws SQLException {
        List<Checked> checked = checkAll(context);
        try {
            PromotionOutcome outcome = CandidateChoice.choose(inputs(context, checked));
            if (outcome.promoted().isPresent()) {
                HostAndPort chosen = outcome.promoted().get();
                checked.stream().filter(c -> c.facts().node().equals(chosen)).findFirst().orElseThrow()
                        .session().promote();
            } else {
                restartReceivers(context, checked);
            }
            return outcome;
        } finally {
            checked.stream().map(Checked::session).filter(s -> s != null).forEach(ServerSession::close);
        }
    }

    /**
     * Nothing was promoted: the receivers the checks stopped go back to their source, as they were (they follow
     * the master when it returns; a failover later stops them again).
     */
    private static void restartReceivers(PromotionContext context, List<Checked> checked) {
        for (Checked c : checked) {
            if (c.session() != null && c.facts().status() != null) {
                try {
                    c.session().execute(context.dialect().startReplica() + " IO_THREAD");
                } catch (SQLException e) {
                    LOG.warn("{} - cannot restart the receiver of {}: {}", context.dataSourceName(),
                            c.facts().node(), NodeProbe.reason(e));
                }
            }
        }
    }

    private static CandidateChoice.Inputs inputs(PromotionContext context, List<Checked> checked) {
        NodeStatus master = context.topology().node(context.failedMaster()).orElseThrow();
        Map<HostAndPort, NodeStatus.Replication> before = new HashMap<>();
        context.topology().nodes().stream().filter(n -> n.replication() != null)
                .forEach(n -> before.put(n.address(), n.replication()));
        return new CandidateChoice.Inputs(new CandidateChoice.Master(master.address(), master.serverId(),
                master.gtidPosition(), master.since()), context.dialect().mariadb(),
                checked.stream().map(Checked::facts).toList(), before, context.detectionSlack(),
                context.neverPromote(), context.preferPromote());
    }

    /**
     * Checks every candidate at once, each on its own short-lived thread: stopping a receiver that is stuck
     * connecting to a hung master blocks until its connect attempt times out ({@code slave_net_timeout}), and
     * one such wait per candidate in turn would add up.
     */
    private static List<Checked> checkAll(PromotionContext context) {
        List<HostAndPort> candidates = context.candidates();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, candidates.size()), task -> {
            Thread thread = new Thread(task, context.dataSourceName() + "-promotion");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Checked>> results = new ArrayList<>();
            for (HostAndPort node : candidates) {
                results.add(CompletableFuture.supplyAsync(() -> check(context, node), threads));
            }
            return results.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private static Checked check(PromotionContext context, HostAndPort node) {
        ServerSession session = null;
        try {
            session = ServerSession.over(node, context.admin(node));
            CandidateChoice.Facts facts = gather(context, session);
            LOG.info("{} - candidate {}: received {}, has {}", context.dataSourceName(), node,
                    facts.status() == null ? "-" : facts.status().retrievedGtids() + " " + facts.status().received(),
                    facts.executed());
            return new Checked(facts, session);
        } catch (SQLException | RuntimeException e) {
            if (session != null) {
                session.close();
            }
            String why = e instanceof SQLException sql ? NodeProbe.reason(sql) : String.valueOf(e);
            return new Checked(CandidateChoice.Facts.failed(node, why), null);
        }
    }

    /** Stops the receiver, lets the applier apply what was received (up to relayLogWait), reads where it got. */
    private static CandidateChoice.Facts gather(PromotionContext context, ServerSession session) throws SQLException {
        Dialect dialect = session.dialect();
        session.execute(dialect.stopReceiver());
        // The relay-log wait starts now: stopping a receiver stuck on a hung master can itself take seconds.
        Optional<ReplicaStatus> status = session.replicaStatus();
        if (status.isPresent() && status.get().applierRunning()) {
            ReplicaStatus s = status.get();
            if (!s.retrievedGtids().isEmpty()) {
                session.awaitApplied(s.retrievedGtids(), context.relayLogWait());
            } else if (s.received() != null) {
                session.awaitCoordinates(s.received(), context.relayLogWait());
            }
            status = session.replicaStatus();
        }
        boolean gtidMode = dialect.mariadb()
                || Dialect.on(session.variables(List.of("gtid_mode")).getOrDefault("gtid_mode", "OFF"));
        return new CandidateChoice.Facts(session.node(), "", status.orElse(null), session.executed(), gtidMode);
    }

    @Override
    public String toString() {
        return "most-advanced-replica";
    }
}
