package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** What a statement made again on another replica is given: each setting and parameter once, the latest value. */
class ReadRerunTest {

    private final Connection other = mock(Connection.class);
    private final CallableStatement again = mock(CallableStatement.class);

    @Test
    void settingsThenParametersAreGivenAgainEachOnceWithTheLatestValue() throws SQLException {
        when(other.prepareCall("CALL p(?, ?)")).thenReturn(again);
        ReadRerun rerun = new ReadRerun(c -> c.prepareCall("CALL p(?, ?)"), true);
        rerun.option("fetchSize", s -> s.setFetchSize(10));
        for (int i = 0; i < 1000; i++) {
            int value = i;
            rerun.<PreparedStatement>parameter(1, s -> s.setInt(1, value));
        }
        rerun.<CallableStatement>option(ReadRerun.out(2), s -> s.registerOutParameter(2, Types.INTEGER));
        rerun.option("fetchSize", s -> s.setFetchSize(50));

        assertThat(rerun.recreate(other)).isSameAs(again);

        InOrder order = inOrder(again);
        order.verify(again).setFetchSize(50);
        order.verify(again).registerOutParameter(2, Types.INTEGER);
        order.verify(again).setInt(1, 999);
        verify(again, never()).setInt(1, 998);
    }

    @Test
    void manyParametersAreGivenAgainInTheOrderTheyWereFirstSet() throws SQLException {
        when(other.prepareCall("CALL p()")).thenReturn(again);
        ReadRerun rerun = new ReadRerun(c -> c.prepareCall("CALL p()"), true);
        for (int round = 0; round < 2; round++) {
            for (int index = 1; index <= 10; index++) {
                int value = index * 10 + round;
                int at = index;
                rerun.<PreparedStatement>parameter(at, s -> s.setInt(at, value));
            }
        }

        rerun.recreate(other);

        InOrder order = inOrder(again);
        for (int index = 1; index <= 10; index++) {
            order.verify(again).setInt(index, index * 10 + 1);
        }
        verify(again, times(10)).setInt(anyInt(), anyInt());
    }

    @Test
    void clearedParametersAreNotGivenAgainButRegistrationsAre() throws SQLException {
        when(other.prepareCall("CALL p(?, ?)")).thenReturn(again);
        ReadRerun rerun = new ReadRerun(c -> c.prepareCall("CALL p(?, ?)"), true);
        rerun.<PreparedStatement>parameter(1, s -> s.setInt(1, 7));
        rerun.<CallableStatement>option(ReadRerun.out(2), s -> s.registerOutParameter(2, Types.INTEGER));

        rerun.clearParameters();
        rerun.recreate(other);

        verify(again, never()).setInt(anyInt(), anyInt());
        verify(again).registerOutParameter(2, Types.INTEGER);
    }

    @Test
    void aStatementGivenAStreamOrABatchIsNeverRunAgain() {
        ReadRerun rerun = new ReadRerun(c -> c.prepareStatement("SELECT ?"), true);
        assertThat(rerun.possible()).isTrue();

        rerun.unreplayable();

        assertThat(rerun.possible()).isFalse();
        assertThat(new ReadRerun(c -> c.prepareStatement("SELECT ?"), false).possible()).isFalse();
    }
}
