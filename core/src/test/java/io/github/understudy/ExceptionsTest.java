package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

    private final TopologySnapshot topology = TopologySnapshotTest.healthyCluster();
    private final SQLException driverFailure = new SQLException("Communications link failure", "08S01",
            new ConnectException("refused"));

    // SQLException is an Iterable<Throwable>, so assertThat(e) would pick the Iterable overload: cast it.

    @Test
    void noAvailableNodeIsTransientWith08001() {
        NoAvailableNodeException e = new NoAvailableNodeException("orders - no master for write within 2s", topology,
                driverFailure);

        assertThat((Throwable) e).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08001").isEqualTo(NoAvailableNodeException.SQL_STATE);
        assertThat(e.getCause()).isSameAs(driverFailure);
        assertThat(e.topology()).containsSame(topology);
        assertThat((Throwable) e).hasMessage("orders - no master for write within 2s (" + topology.describe() + ")");
    }

    @Test
    void connectionChangedIsTransientWith08S02() {
        ConnectionChangedException e = new ConnectionChangedException("orders - replica died", topology, driverFailure);

        assertThat((Throwable) e).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08S02").isEqualTo(ConnectionChangedException.SQL_STATE);
        assertThat(e.getCause()).isSameAs(driverFailure);
        assertThat(e.topology()).containsSame(topology);
    }

    @Test
    void transactionStateUnknownIsNonTransientWith08007SoThatItIsNotRetriedBlindly() {
        TransactionStateUnknownException e = new TransactionStateUnknownException("orders - commit on db1 lost",
                topology, driverFailure);

        assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThat(e.getSQLState()).isEqualTo("08007").isEqualTo(TransactionStateUnknownException.SQL_STATE);
        assertThat(e.getCause()).isSameAs(driverFailure);
        assertThat(e.topology()).containsSame(topology);
    }

    @Test
    void worksWithoutTopologyOrCause() {
        NoAvailableNodeException e = new NoAvailableNodeException("orders - not started", null);

        assertThat((Throwable) e).hasMessage("orders - not started").hasNoCause();
        assertThat(e.topology()).isEmpty();
    }
}
