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

    SessionConsistency(Router router, Consistency dataSourceMode, Duration readYourWritesWait,
                       Duration untrackedWindow) {
        this.router = router;
        this.readYourWritesWait = readYourWritesWait;
        this.untrackedWindow = untrackedWindow;
        Consistency scoped = Understudy.currentConsistency();
        this.mode = scoped != null ? scoped : dataSourceMode;
        this.bound = (TrackedSession) Understudy.currentSession();
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
