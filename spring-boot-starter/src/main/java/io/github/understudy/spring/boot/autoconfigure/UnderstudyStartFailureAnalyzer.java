package io.github.understudy.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a DataSource that could not start, usually because no writable master was reachable. */
class UnderstudyStartFailureAnalyzer extends AbstractFailureAnalyzer<UnderstudyStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnderstudyStartException cause) {
        String action = "Check that the master among understudy.hosts is running, reachable from this application, "
                + "and accepts understudy.admin.username (the health probes log in as that user); if "
                + "understudy.master is set, check that it names the writable node. To start without a master "
                + "(reads work, writes wait and fail until one appears), set understudy.start-degraded=true.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
