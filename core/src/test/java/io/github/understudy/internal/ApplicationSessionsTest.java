package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApplicationSessionsTest {

    private static final String WAITING = "Waiting for semi-sync ACK from slave";

    /** What each listing of the sessions shows, in turn (the last one repeats). */
    private final Deque<Map<Long, String>> listings = new ArrayDeque<>();
    private final List<String> killed = new ArrayList<>();

    @Test
    void sessionsWaitingForAnAcknowledgementAreKilledLastEachOnce() throws SQLException {
        listings.add(Map.of(1L, WAITING, 2L, "Commit", 3L, "Commit"));
        // killed members wait for their leader, still listed; a new member joined meanwhile
        listings.add(Map.of(1L, WAITING, 2L, "Commit", 3L, "Commit", 4L, "Commit"));
        listings.add(Map.of(1L, WAITING, 2L, "Commit", 3L, "Commit", 4L, "Commit"));
        listings.add(Map.of());

        ApplicationSessions.end(admin(), "test");

        assertThat(killed).hasSize(4).endsWith("KILL 1");
        assertThat(killed.subList(0, 2)).containsExactlyInAnyOrder("KILL 2", "KILL 3");
        assertThat(killed.get(2)).isEqualTo("KILL 4");
    }

    @Test
    void noSessionNoKill() throws SQLException {
        listings.add(Map.of());

        ApplicationSessions.end(admin(), "test");

        assertThat(killed).isEmpty();
    }

    private ApplicationSessions.Sessions admin() {
        return new ApplicationSessions.Sessions() {
            @Override
            public List<ApplicationSessions.Session> list() {
                Map<Long, String> sessions = listings.size() > 1 ? listings.poll() : listings.peek();
                return sessions.entrySet().stream().map(e -> new ApplicationSessions.Session(e.getKey(),
                        e.getValue().contains("semi-sync"))).toList();
            }

            @Override
            public boolean kill(long id) {
                return killed.add("KILL " + id);
            }
        };
    }
}
