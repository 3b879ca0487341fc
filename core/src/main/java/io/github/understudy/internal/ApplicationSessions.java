package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the application's sessions on a node being fenced, in an order that never lets the node answer a commit no
 * replica acknowledged. With semi-sync, a group of commits waits for an acknowledgement in one session, its leader,
 * while the others wait for the leader in state {@code Commit}. Killing the leader ends the wait and commits the
 * whole group: a member not killed yet is answered OK (seen on MariaDB 11.4: 17 of 96 members of groups whose
 * leader was killed first). So the sessions not waiting for an acknowledgement go first, listed again until none
 * is left, and the waiting ones last.
 */
final class ApplicationSessions {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSessions.class);
    /** New sessions may keep arriving from instances that still write here; the fence repeats after read_only. */
    private static final int MAX_PASSES = 20;

    private ApplicationSessions() {
    }

    /** A session of the application user, and whether it waits for a semi-sync acknowledgement. */
    private record Session(long id, boolean waitingForAck) {
    }

    /** Kills every session of {@code user}: those not waiting for a semi-sync acknowledgement first. */
    static void end(Connection admin, String user, String name) throws SQLException {
        // A killed member stays listed until its leader commits: each session is killed once.
        Set<Long> killed = new HashSet<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Session> fresh = list(admin, user).stream().filter(s -> !killed.contains(s.id())).toList();
            List<Session> others = fresh.stream().filter(s -> !s.waitingForAck()).toList();
            // Leaders go only once no other session is left: every member of their groups was listed, so killed.
            List<Session> next = others.isEmpty() ? fresh : others;
            if (next.isEmpty()) {
                return;
            }
            kill(admin, next, name);
            next.forEach(s -> killed.add(s.id()));
        }
        LOG.warn("{} - application sessions kept arriving while they were being ended", name);
    }

    private static List<Session> list(Connection admin, String user) throws SQLException {
        List<Session> sessions = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT ID, STATE FROM information_schema.PROCESSLIST WHERE USER = ?")) {
            statement.setString(1, user);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String state = rs.getString(2);
                    // MariaDB: "Waiting for semi-sync ACK from slave"; MySQL: "Waiting for semi-sync ACK from replica"
                    sessions.add(new Session(rs.getLong(1),
                            state != null && state.toLowerCase(Locale.ROOT).contains("semi-sync")));
                }
            }
        }
        return sessions;
    }

    private static void kill(Connection admin, List<Session> sessions, String name) throws SQLException {
        for (Session session : sessions) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("KILL " + session.id());
            } catch (SQLException e) {
                LOG.debug("{} - session {} ended before it could be killed", name, session.id());
            }
        }
    }
}
