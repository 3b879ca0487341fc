package io.github.understudy.internal;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.protocol.ServerSessionStateController;
import com.mysql.cj.protocol.ServerSessionStateController.ServerSessionStateChanges;
import com.mysql.cj.protocol.ServerSessionStateController.SessionStateChange;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hears the GTID of each write a physical connection commits, from the server's session tracking in the OK packet
 * (MySQL {@code session_track_gtids=OWN_GTID}, MariaDB {@code last_gtid} in
 * {@code session_track_system_variables}): no extra round trip. Attached while a session's write connection is
 * held, detached when it is released.
 */
final class WriteTracker implements ServerSessionStateController.SessionStateChangesListener {

    /** The session variables that make the server report each write's GTID. */
    static String sessionVariables(boolean mariadb) {
        return mariadb ? "session_track_system_variables=last_gtid" : "session_track_gtids=OWN_GTID";
    }

    private final TrackedSession session;
    private final boolean gtids;
    private ServerSessionStateController controller;

    private WriteTracker(TrackedSession session, boolean gtids) {
        this.session = session;
        this.gtids = gtids;
    }

    /**
     * @param gtids whether the server's writes carry GTIDs; when they do not, releasing the connection records an
     *              untracked write at that moment (see {@link TrackedSession#wroteUntracked})
     */
    static WriteTracker attach(Connection physical, TrackedSession session, boolean gtids) throws SQLException {
        WriteTracker tracker = new WriteTracker(session, gtids);
        tracker.controller = physical.unwrap(MysqlConnection.class).getServerSessionStateController();
        tracker.controller.addSessionStateChangesListener(tracker);
        return tracker;
    }

    void detach() {
        controller.removeSessionStateChangesListener(this);
        if (!gtids) {
            // Wall-clock time: a consistency token carries it to other instances.
            session.wroteUntracked(System.currentTimeMillis());
        }
    }

    @Override
    public void handleSessionStateChanges(ServerSessionStateChanges changes) {
        for (SessionStateChange change : changes.getSessionStateChangesList()) {
            if (change.getType() == ServerSessionStateController.SESSION_TRACK_GTIDS) {
                change.getValues().stream().filter(v -> v.contains(":")).forEach(session::addMysql);
            } else if (change.getType() == ServerSessionStateController.SESSION_TRACK_SYSTEM_VARIABLES
                    && change.getValues().size() >= 2 && "last_gtid".equalsIgnoreCase(change.getValues().get(0))
                    && !change.getValues().get(1).isEmpty()) {
                session.addMariadb(change.getValues().get(1));
            }
        }
    }
}
