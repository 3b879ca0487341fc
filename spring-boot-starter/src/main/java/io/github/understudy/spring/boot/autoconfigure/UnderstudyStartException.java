package io.github.understudy.spring.boot.autoconfigure;

import io.github.understudy.StartupFailedException;

/**
 * The Understudy DataSource could not start. Wraps core's {@link StartupFailedException} so that
 * {@link UnderstudyStartFailureAnalyzer} recognises the bean's failure by type, and reads its reason.
 */
final class UnderstudyStartException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param cause core's exception, whose message says why and shows the topology */
    UnderstudyStartException(StartupFailedException cause) {
        super(cause.getMessage(), cause);
    }

    StartupFailedException.Reason reason() {
        return ((StartupFailedException) getCause()).reason();
    }
}
