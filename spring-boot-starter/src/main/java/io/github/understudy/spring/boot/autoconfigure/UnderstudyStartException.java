package io.github.understudy.spring.boot.autoconfigure;

/**
 * The Understudy DataSource could not start, typically because no master was reachable. Wraps core's
 * {@link IllegalStateException} so that {@link UnderstudyStartFailureAnalyzer} can recognise it by type.
 */
final class UnderstudyStartException extends IllegalStateException {

    /** @param cause core's exception, whose message says why and shows the topology */
    UnderstudyStartException(IllegalStateException cause) {
        super(cause.getMessage(), cause);
    }
}
