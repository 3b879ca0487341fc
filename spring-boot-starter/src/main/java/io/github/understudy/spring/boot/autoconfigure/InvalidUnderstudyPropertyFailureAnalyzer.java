package io.github.understudy.spring.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@code understudy.*} property that core refused: which property, why, and what to set instead. */
class InvalidUnderstudyPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidUnderstudyPropertyException> {

    private static final String CREDENTIALS = "Set understudy.username and understudy.password (the application's "
            + "user) and understudy.admin.username and understudy.admin.password (the user of the health probes, "
            + "with REPLICATION CLIENT).";

    private static final Map<String, String> ACTIONS = Map.of(
            "understudy.hosts", "Set understudy.hosts to the servers of the cluster, the master and every replica, "
                    + "e.g. understudy.hosts=db1:3306,db2:3306,db3:3306",
            "understudy.master", "Set understudy.master to one of understudy.hosts, or remove it to find the "
                    + "master by probing.",
            "understudy.read-strategy", "Set understudy.read-strategy to round-robin, random, least-in-flight, "
                    + "lowest-latency, or weighted (with understudy.weights).",
            "understudy.weights", "Set understudy.read-strategy=weighted and key each weight by one of "
                    + "understudy.hosts, in brackets with the colon escaped: understudy.weights[db2\\:3306]=3 in "
                    + "application.properties, \"[db2:3306]\": 3 under understudy.weights in YAML.",
            "understudy.username", CREDENTIALS,
            "understudy.password", CREDENTIALS,
            "understudy.admin.username", CREDENTIALS,
            "understudy.admin.password", CREDENTIALS);

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidUnderstudyPropertyException cause) {
        String action = ACTIONS.getOrDefault(cause.property(), "Update " + cause.property()
                + " in your application's configuration; the README's settings table gives each range.");
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
