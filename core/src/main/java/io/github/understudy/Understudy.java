package io.github.understudy;

import java.util.Objects;

/**
 * Read-your-writes sessions and consistency modes bound to the current thread, for applications whose logical
 * session spans several connections (a web request, a job step). Connections taken from an
 * {@link UnderstudyDataSource} while a scope is open use its session and mode.
 *
 * <pre>{@code
 * try (Understudy.Scope scope = Understudy.withToken(request.getHeader("X-Consistency"))) {
 *     ... // reads see every write the token covers, writes extend it
 *     response.setHeader("X-Consistency", Understudy.consistencyToken());
 * }
 * }</pre>
 */
public final class Understudy {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Understudy() {
    }

    /** A session and mode bound to the current thread until closed; closing restores what was bound before. */
    public static final class Scope implements AutoCloseable {
        private final ConsistencySession session;
        private final Consistency consistency;
        private final Scope previous;

        private Scope(ConsistencySession session, Consistency consistency, Scope previous) {
            this.session = session;
            this.consistency = consistency;
            this.previous = previous;
        }

        /** @return the session of this scope, or null when it binds only a mode */
        public ConsistencySession session() {
            return session;
        }

        /** @return the mode of this scope, or null for the DataSource's (or connection's) own */
        public Consistency consistency() {
            return consistency;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * Binds a session resumed from a token (null or empty: a new session) to the current thread; the mode stays
     * what an enclosing scope bound.
     *
     * @param token a token from {@link #consistencyToken()}, or null
     * @return the scope; close it
     */
    public static Scope withToken(String token) {
        return bind(ConsistencySession.fromToken(token));
    }

    /**
     * Binds {@code session} to the current thread.
     *
     * @param session the session
     * @return the scope; close it
     */
    public static Scope bind(ConsistencySession session) {
        Scope previous = CURRENT.get();
        Scope scope = new Scope(Objects.requireNonNull(session, "session must not be null"),
                previous == null ? null : previous.consistency, previous);
        CURRENT.set(scope);
        return scope;
    }

    /**
     * Binds a consistency mode to the current thread, keeping the bound session (or starting one for
     * read-your-writes, so that writes and reads of the scope share it).
     *
     * @param consistency the mode for connections taken in the scope
     * @return the scope; close it
     */
    public static Scope withConsistency(Consistency consistency) {
        Scope previous = CURRENT.get();
        ConsistencySession session = previous != null && previous.session != null ? previous.session
                : consistency == Consistency.READ_YOUR_WRITES ? ConsistencySession.create() : null;
        Scope scope = new Scope(session, Objects.requireNonNull(consistency, "consistency must not be null"), previous);
        CURRENT.set(scope);
        return scope;
    }

    /** @return the token of the session bound to this thread ("" when none is bound or it wrote nothing) */
    public static String consistencyToken() {
        ConsistencySession session = currentSession();
        return session == null ? "" : session.token();
    }

    /** @return the session bound to this thread, or null */
    public static ConsistencySession currentSession() {
        Scope scope = CURRENT.get();
        return scope == null ? null : scope.session;
    }

    /** @return the mode bound to this thread, or null */
    public static Consistency currentConsistency() {
        Scope scope = CURRENT.get();
        return scope == null ? null : scope.consistency;
    }
}
