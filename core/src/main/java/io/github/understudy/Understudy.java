package io.github.understudy;

/**
 * Read-your-writes sessions bound to the current thread, for applications whose logical session spans several
 * connections (a web request, a job step). Connections taken from an {@link UnderstudyDataSource} while a session is
 * bound belong to it.
 *
 * <pre>{@code
 * try (Understudy.Scope scope = Understudy.withToken(request.getHeader("X-Consistency"))) {
 *     ... // reads see every write the token covers, writes extend it
 *     response.setHeader("X-Consistency", Understudy.consistencyToken());
 * }
 * }</pre>
 */
public final class Understudy {

    private static final ThreadLocal<ConsistencySession> CURRENT = new ThreadLocal<>();

    private Understudy() {
    }

    /** A session bound to the current thread until closed; closing restores the one bound before. */
    public static final class Scope implements AutoCloseable {
        private final ConsistencySession session;
        private final ConsistencySession previous;

        private Scope(ConsistencySession session, ConsistencySession previous) {
            this.session = session;
            this.previous = previous;
        }

        /** @return the session of this scope */
        public ConsistencySession session() {
            return session;
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
     * Binds a session resumed from a token (null or empty: a new session) to the current thread.
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
        ConsistencySession previous = CURRENT.get();
        CURRENT.set(java.util.Objects.requireNonNull(session, "session must not be null"));
        return new Scope(session, previous);
    }

    /** @return the token of the session bound to this thread ("" when none is bound or it wrote nothing) */
    public static String consistencyToken() {
        ConsistencySession session = CURRENT.get();
        return session == null ? "" : session.token();
    }

    /** @return the session bound to this thread, or null */
    public static ConsistencySession currentSession() {
        return CURRENT.get();
    }
}
