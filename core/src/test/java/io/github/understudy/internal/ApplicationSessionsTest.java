package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

        ApplicationSessions.end(admin(), "app", "test");

        assertThat(killed).hasSize(4).endsWith("KILL 1");
        assertThat(killed.subList(0, 2)).containsExactlyInAnyOrder("KILL 2", "KILL 3");
        assertThat(killed.get(2)).isEqualTo("KILL 4");
    }

    @Test
    void noSessionNoKill() throws SQLException {
        listings.add(Map.of());

        ApplicationSessions.end(admin(), "app", "test");

        assertThat(killed).isEmpty();
    }

    private Connection admin() throws SQLException {
        Connection admin = mock(Connection.class);
        PreparedStatement list = mock(PreparedStatement.class);
        when(admin.prepareStatement(anyString())).thenReturn(list);
        when(list.executeQuery()).thenAnswer(invocation -> listing());
        when(admin.createStatement()).thenAnswer(invocation -> {
            Statement kill = mock(Statement.class);
            when(kill.execute(anyString())).thenAnswer(call -> killed.add(call.getArgument(0)));
            return kill;
        });
        return admin;
    }

    private ResultSet listing() throws SQLException {
        Map<Long, String> sessions = listings.size() > 1 ? listings.poll() : listings.peek();
        List<Map.Entry<Long, String>> rows = new ArrayList<>(sessions.entrySet());
        ResultSet rs = mock(ResultSet.class);
        int[] row = {-1};
        when(rs.next()).thenAnswer(invocation -> ++row[0] < rows.size());
        when(rs.getLong(1)).thenAnswer(invocation -> rows.get(row[0]).getKey());
        when(rs.getString(2)).thenAnswer(invocation -> rows.get(row[0]).getValue());
        return rs;
    }
}
