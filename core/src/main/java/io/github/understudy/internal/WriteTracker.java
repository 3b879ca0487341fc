package io.github.understudy.internal;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.protocol.ServerSessionStateController;
import com.mysql.cj.protocol.ServerSessionStateController.ServerSessionStateChanges;
import com.mysql.cj.protocol.ServerSessionStateController.SessionStateChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hears the GTID of each write a physical connection commits, from the server's session tracking in the OK packet
 * (MySQL {@code session_track_gtids=OWN_GTID}, MariaDB {@code last_gtid} in
 * {@code session_track_system_variables}): no extra round trip. Attached while a session's write connection is
 * held, detached when it is released.
 * <p>
 * A server that reports GTIDs sends them in every write's OK packet, and Connector/J parses them into a handful of
 * objects: a cost for every write of every session, wanted only by the sessions that read their writes back. So,
 * unless the DataSource reads its writes everywhere (then each connection asks at connect), a connection asks its
 * server to report them the first time such a session borrows it, and keeps doing so for its life.
 */
final class WriteTracker implements ServerSessionStateController.SessionStateChangesListener {

    /** The session variables that make the server report each write's GTID. */
    static String sessionVariables(boolean mariadb) {
        return mariadb ? "session_track_system_variables=last_gtid" : "session_track_gtids=OWN_GTID";
    }

    /** The driver connections whose server reports their writes' GTIDs since a tracker asked (weakly held). */
    private static final Map<MysqlConnection, Boolean> REPORTING = new WeakHashMap<>();

    private final TrackedSession session;
    private final boolean gtids;
    private ServerSessionStateController controller;

    private WriteTracker(TrackedSession session, boolean gtids) {
        this.session = session;
        this.gtids = gtids;
    }

    /**
     * @param physical          a borrowed connection, in auto-commit mode (none of its transaction has run)
     * @param gtids             whether the server's writes carry GTIDs; when they do not, releasing the connection
     *                          records an untracked write at that moment (see {@link TrackedSession#wroteUntracked})
     * @param reportedAtConnect whether every connection's server reports GTIDs from its start (read-your-writes
     *                          DataSources ask at connect)
     */
    static WriteTracker attach(Connection physical, TrackedSession session, boolean gtids, boolean reportedAtConnect)
            throws SQLException {
        MysqlConnection driver = physical.unwrap(MysqlConnection.class);
        if (gtids && !reportedAtConnect) {
            reportGtids(physical, driver);
        }
        WriteTracker tracker = new WriteTracker(session, gtids);
        tracker.controller = driver.getServerSessionStateController();
        tracker.controller.addSessionStateChangesListener(tracker);
        return tracker;
    }

    /** Asks the server behind {@code physical} to report its writes' GTIDs, once in the connection's life. */
    private static void reportGtids(Connection physical, MysqlConnection driver) throws SQLException {
        synchronized (REPORTING) {
            if (REPORTING.containsKey(driver)) {
                return;
            }
        }
        // Connector/J has the version from the handshake: "11.4.5-MariaDB-log", "5.5.5-10.11.9-MariaDB".
        boolean mariadb = physical.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        try (Statement statement = physical.createStatement()) {
            statement.execute("SET SESSION " + sessionVariables(mariadb));
        }
        synchronized (REPORTING) {
            REPORTING.put(driver, Boolean.TRUE);
        }
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
