package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.Understudy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * One connection's consistency: its mode and its logical session (the thread's scope when one was open at
 * {@code getConnection()}, else the connection's own), and so where its reads go.
 */
final class SessionConsistency {

    private final Router router;
    private final Duration readYourWritesWait;
    private final Duration untrackedWindow;
    private final TrackedSession bound;
    private TrackedSession own;
    private Consistency mode;

    private SessionConsistency(Router router, Consistency mode, Duration readYourWritesWait, Duration untrackedWindow,
                               TrackedSession bound) {
        this.router = router;
        this.readYourWritesWait = readYourWritesWait;
        this.untrackedWindow = untrackedWindow;
        this.mode = mode;
        this.bound = bound;
    }

    /**
     * The consistency of a connection taken now: the thread's scope (mode and session) if one is open, else the
     * DataSource's mode. Null in the common case, an eventual DataSource and no scope: nothing to keep per
     * connection (its reads go to {@link Router#read}), until {@link #unscoped} makes one on demand.
     */
    static SessionConsistency atGetConnection(Router router, Consistency dataSourceMode, Duration readYourWritesWait,
                                              Duration untrackedWindow) {
        Consistency scoped = Understudy.currentConsistency();
        TrackedSession bound = (TrackedSession) Understudy.currentSession();
        Consistency mode = scoped != null ? scoped : dataSourceMode;
        return mode == Consistency.EVENTUAL && bound == null ? null
                : new SessionConsistency(router, mode, readYourWritesWait, untrackedWindow, bound);
    }

    /** The consistency of an eventual connection taken outside any scope, made when it is first asked for. */
    static SessionConsistency unscoped(Router router, Duration readYourWritesWait, Duration untrackedWindow) {
        return new SessionConsistency(router, Consistency.EVENTUAL, readYourWritesWait, untrackedWindow, null);
    }

    Consistency mode() {
        return mode;
    }

    void mode(Consistency newMode) {
        mode = java.util.Objects.requireNonNull(newMode, "consistency must not be null");
    }

    TrackedSession session() {
        if (bound != null) {
            return bound;
        }
        if (own == null) {
            own = TrackedSession.parse("");
        }
        return own;
    }

    /** Whether writes must report their GTIDs to the session (someone may read them back). */
    boolean tracksWrites() {
        return mode == Consistency.READ_YOUR_WRITES || bound != null;
    }

    Router.Borrowed borrowRead() throws SQLException {
        if (mode == Consistency.STRONG) {
            return router.readFromMaster();
        }
        if (mode == Consistency.READ_YOUR_WRITES && session().wrote()) {
            return ReadYourWrites.borrow(router, session(), readYourWritesWait, untrackedWindow);
        }
        return router.read(List.of());
    }
}
