package io.github.understudy.spring.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@code understudy.*} property that core refused: which property, why, and what to set instead. */
class InvalidUnderstudyPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidUnderstudyPropertyException> {

    private static final String CREDENTIALS = "Set understudy.username and understudy.password (the application's "
            + "user) and understudy.admin.username and understudy.admin.password (the user of the health probes, "
            + "with REPLICATION CLIENT).";

    private static final String REPLICATION = "Set both understudy.failover.replication.username and "
            + "understudy.failover.replication.password (the user replicas connect to their master as, with "
            + "REPLICATION SLAVE), or neither: without them an old master that returns is fenced but not rejoined, "
            + "and switchovers are refused.";

    private static final String PROMOTION_MARKS = "List nodes of understudy.hosts, as host:port exactly as they "
            + "appear there, e.g. understudy.failover.never-promote=db3:3306.";

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("understudy.hosts", "Set understudy.hosts to the servers of the cluster, the master and every "
                    + "replica, e.g. understudy.hosts=db1:3306,db2:3306,db3:3306"),
            Map.entry("understudy.master", "Set understudy.master to one of understudy.hosts, or remove it to find "
                    + "the master by probing."),
            Map.entry("understudy.read-strategy", "Set understudy.read-strategy to round-robin, random, "
                    + "least-in-flight, lowest-latency, or weighted (with understudy.weights)."),
            Map.entry("understudy.weights", "Set understudy.read-strategy=weighted and key each weight by one of "
                    + "understudy.hosts, in brackets with the colon escaped: understudy.weights[db2\\:3306]=3 in "
                    + "application.properties, \"[db2:3306]\": 3 under understudy.weights in YAML."),
            Map.entry("understudy.username", CREDENTIALS),
            Map.entry("understudy.password", CREDENTIALS),
            Map.entry("understudy.admin.username", CREDENTIALS),
            Map.entry("understudy.admin.password", CREDENTIALS),
            Map.entry("understudy.failover.strategy", "Set understudy.failover.strategy to most-advanced-replica, "
                    + "none or external, or define a PromotionStrategy bean (it takes precedence over the property)."),
            Map.entry("understudy.failover.never-promote", PROMOTION_MARKS),
            Map.entry("understudy.failover.prefer-promote", PROMOTION_MARKS),
            Map.entry("understudy.failover.replication.username", REPLICATION),
            Map.entry("understudy.failover.replication.password", REPLICATION));

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidUnderstudyPropertyException cause) {
        String action = ACTIONS.getOrDefault(cause.property(), "Update " + cause.property()
                + " in your application's configuration; the README's settings table gives each range.");
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
