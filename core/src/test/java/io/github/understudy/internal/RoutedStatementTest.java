package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.understudy.ConnectionChangedException;
import io.github.understudy.HostAndPort;
import io.github.understudy.TopologySnapshot;


import java.io.ByteArrayInputStream;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a read runs again on another replica, and when it must not. No servers. */
class RoutedStatementTest {

    private final ForwardingConnection owner = mock(ForwardingConnection.class);
    private final Node replica = new Node(HostAndPort.parse("db2:3306"), mock(NodeHealth.class),
            new CircuitBreaker("db2", CircuitBreaker.Settings.following(java.time.Duration.ofSeconds(1)),
                    java.time.Clock.systemUTC(), state -> { }), mock(NodeProbe.class));
    private final PreparedStatement first = mock(PreparedStatement.class);
    private final PreparedStatement second = mock(PreparedStatement.class);
    private final Connection other = mock(Connection.class);
    private final ResultSet rows = mock(ResultSet.class);

    @BeforeEach
    void replicaReadOnlyAutoCommit() throws SQLException {
        when(owner.readOnlyAutoCommit()).thenReturn(true);
        when(owner.rerouteRead(replica)).thenReturn(other);
        when(owner.failed(any())).thenAnswer(call -> call.getArgument(0));
        when(owner.table()).thenReturn(new RoutingTable(TopologySnapshot.of(0, List.of(), Instant.EPOCH), null,
                List.of(), ""));
        when(other.prepareStatement("SELECT ?")).thenReturn(second);
        when(second.executeQuery()).thenReturn(rows);
    }

    private RoutedPreparedStatement statement(boolean retry) {
        return new RoutedPreparedStatement(owner, first, replica,
                new ReadRerun(c -> c.prepareStatement("SELECT ?"), retry));
    }

    private static SQLException replicaDied() {
        return new SQLRecoverableException("Communications link failure", "08S01");
    }

    @Test
    void anAutoCommitReadWhoseReplicaDiedRunsOnceMoreElsewhereWithItsSettingsAndParameters() throws SQLException {
        RoutedPreparedStatement statement = statement(true);
        when(first.executeQuery()).thenThrow(replicaDied());
        statement.setFetchSize(50);
        statement.setInt(1, 7);

        ResultSet result = statement.executeQuery();

        verify(second).setFetchSize(50);
        verify(second).setInt(1, 7);
        assertThat(result.getStatement()).isSameAs(statement);
        assertThat(statement.getConnection()).isSameAs(owner);
    }

    @Test
    void aReadThatTimedOutIsNotRunAgain() throws SQLException {
        SQLException timedOut = new SQLRecoverableException("Communications link failure", "08S01",
                new SocketTimeoutException("Read timed out"));
        when(first.executeQuery()).thenThrow(timedOut);

        assertThatThrownBy(() -> statement(true).executeQuery()).isSameAs(timedOut);
        verify(owner, never()).rerouteRead(any());
    }

    @Test
    void aReadGivenAStreamIsNotRunAgain() throws SQLException {
        SQLException died = replicaDied();
        when(first.executeQuery()).thenThrow(died);
        RoutedPreparedStatement statement = statement(true);
        statement.setBinaryStream(1, new ByteArrayInputStream(new byte[] {1}));

        assertThatThrownBy(statement::executeQuery).isSameAs(died);
        verify(owner, never()).rerouteRead(any());
    }

    @Test
    void withRetryReadsOffTheDriversErrorPassesThrough() throws SQLException {
        SQLException died = replicaDied();
        when(first.executeQuery()).thenThrow(died);

        assertThatThrownBy(() -> statement(false).executeQuery()).isSameAs(died);
    }

    @Test
    void inAReadOnlyTransactionTheCallerLearnsThatTheConnectionChanged() throws SQLException {
        when(owner.readOnlyAutoCommit()).thenReturn(false);
        when(first.executeQuery()).thenThrow(replicaDied());

        assertThatThrownBy(() -> statement(true).executeQuery()).isInstanceOf(ConnectionChangedException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08S02");
        verify(owner).abandon();
        verify(owner, never()).rerouteRead(any());
    }

    @Test
    void theSameResultSetIsTheSameObjectEachTime() throws SQLException {
        RoutedPreparedStatement statement = statement(true);
        when(first.getResultSet()).thenReturn(rows);

        assertThat(statement.getResultSet()).isSameAs(statement.getResultSet());
        assertThat(statement.unwrap(PreparedStatement.class)).isSameAs(statement);
    }
}
