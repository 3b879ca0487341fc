package io.github.understudy.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a DataSource that could not start, with what to do for the rule that failed. */
class UnderstudyStartFailureAnalyzer extends AbstractFailureAnalyzer<UnderstudyStartException> {

    private static final String DEGRADED = " To start without a master (reads work, writes wait and fail until one "
            + "appears), set understudy.start-degraded=true.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnderstudyStartException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause), cause);
    }

    private static String action(UnderstudyStartException cause) {
        return switch (cause.reason()) {
            case NO_REACHABLE_MASTER -> "Check that the master among understudy.hosts is running, reachable from "
                    + "this application, and accepts understudy.admin.username (the health probes log in as that "
                    + "user)." + DEGRADED;
            case SEVERAL_WRITABLE_MASTERS -> "Several servers among understudy.hosts are writable and replicate from "
                    + "no one: writes to both would diverge. Make every server but the master read-only "
                    + "(SET GLOBAL super_read_only = ON) and replicate it from the master.";
            case MASTER_NOT_AS_CONFIGURED -> "understudy.master names a server that is not the writable master: "
                    + "correct it, or remove it to let the servers' roles decide.";
            case AMBIGUOUS_MASTER -> "The servers and the epoch record (understudy.epoch) do not single out a "
                    + "master that is safe to write to; the message names the nodes and positions. Decide which "
                    + "server is the master, make it writable and the others its read-only replicas (README: "
                    + "Restarts)." + DEGRADED;
            case MASTER_NOT_RESTORED -> "The recorded master could not be made writable again: check the server's "
                    + "error in the message and that understudy.admin.username may SET GLOBAL read_only.";
        };
    }
}
