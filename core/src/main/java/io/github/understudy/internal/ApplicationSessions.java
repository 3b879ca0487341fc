package io.github.understudy.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    record Session(long id, boolean waitingForAck) {
    }

    /** Where the sessions are listed and killed: the server, or a test's stand-in. */
    interface Sessions {
        List<Session> list() throws SQLException;

        /** Kills one session; false when it had ended already. */
        boolean kill(long id);
    }

    /** Kills every session of {@code user} on {@code admin}'s server: those not waiting for an acknowledgement first. */
    static void end(ServerSession admin, String user, String name) throws SQLException {
        end(onServer(admin, user, name), name);
    }

    static void end(Sessions sessions, String name) throws SQLException {
        // A killed member stays listed until its leader commits: each session is killed once.
        Set<Long> killed = new HashSet<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Session> next = next(sessions.list(), killed);
            if (next.isEmpty()) {
                return;
            }
            next.forEach(s -> {
                sessions.kill(s.id());
                killed.add(s.id());
            });
        }
        LOG.warn("{} - application sessions kept arriving while they were being ended", name);
    }

    /**
     * The sessions to kill next: those not killed yet and not waiting for an acknowledgement; only when none is
     * left, the waiting ones (every member of their groups was listed, so killed).
     */
    static List<Session> next(List<Session> listed, Set<Long> killed) {
        List<Session> fresh = listed.stream().filter(s -> !killed.contains(s.id())).toList();
        List<Session> others = fresh.stream().filter(s -> !s.waitingForAck()).toList();
        return others.isEmpty() ? fresh : others;
    }

    private static Sessions onServer(ServerSession admin, String user, String name) {
        String quoted = "'" + user.replace("\\", "\\\\").replace("'", "''") + "'";
        return new Sessions() {
            @Override
            public List<Session> list() throws SQLException {
                List<Session> sessions = new ArrayList<>();
                for (Map<String, String> row : admin.rows(
                        "SELECT ID, STATE FROM information_schema.PROCESSLIST WHERE USER = " + quoted)) {
                    String state = row.get("STATE");
                    // MariaDB: "Waiting for semi-sync ACK from slave"; MySQL: "... from replica"
                    sessions.add(new Session(Long.parseLong(row.get("ID")),
                            state != null && state.toLowerCase(Locale.ROOT).contains("semi-sync")));
                }
                return sessions;
            }

            @Override
            public boolean kill(long id) {
                try {
                    admin.execute("KILL " + id);
                    return true;
                } catch (SQLException e) {
                    LOG.debug("{} - session {} ended before it could be killed", name, id);
                    return false;
                }
            }
        };
    }
}
