package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/** What a connection answers and keeps before its first statement: Connector/J's answers, without a server. */
class SessionStateTest {

    private final SessionState state = new SessionState(new SessionState.Defaults("orders", "appdb", false, 30_000));
    private final SessionState schemaTerm = new SessionState(new SessionState.Defaults("orders", "appdb", true, 30_000));
    private final Connection physical = mock(Connection.class);

    @Test
    void theDatabaseIsTheCatalogByDefaultAndTheSchemaWithDatabaseTermSchema() {
        assertThat(state.catalog()).isEqualTo("appdb");
        assertThat(state.schema()).isNull();
        assertThat(schemaTerm.catalog()).isNull();
        assertThat(schemaTerm.schema()).isEqualTo("appdb");
    }

    @Test
    void whatConnectorJIgnoresIsIgnored() throws SQLException {
        state.schema("other");
        schemaTerm.catalog("other");

        assertThat(state.catalog()).isEqualTo("appdb");
        assertThat(schemaTerm.schema()).isEqualTo("appdb");
        state.applyTo(physical, false);
        verify(physical, never()).setSchema(anyString());
        verify(physical, never()).setCatalog(anyString());
    }

    @Test
    void aDatabaseTheServerRefusesIsForgottenAndItsErrorThrown() throws SQLException {
        SQLException unknown = new SQLException("Unknown database 'nope'", "42000", 1049);
        doThrow(unknown).when(physical).setCatalog("nope");
        state.catalog("nope");

        assertThat(state.catalog()).isEqualTo("nope");
        assertThatThrownBy(() -> state.applyTo(physical, false)).isSameAs(unknown);

        assertThat(state.catalog()).isEqualTo("appdb");
        Connection next = mock(Connection.class);
        state.applyTo(next, false);
        verify(next, never()).setCatalog(anyString());
    }

    @Test
    void aDatabaseAServerAcceptedIsWhatARefusalFallsBackTo() throws SQLException {
        state.confirmed("shop", null);
        state.catalog("nope");
        doThrow(new SQLException("Unknown database", "42000", 1049)).when(physical).setCatalog("nope");

        assertThatThrownBy(() -> state.applyTo(physical, false)).isInstanceOf(SQLException.class);

        assertThat(state.catalog()).isEqualTo("shop");
    }

    @Test
    void isolationLevelsAreCheckedAsConnectorJChecksThem() {
        assertThatCode(() -> state.checkIsolation(Connection.TRANSACTION_READ_COMMITTED))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> state.checkIsolation(42)).isInstanceOf(SQLException.class)
                .hasMessage("orders - Unsupported transaction isolation level '42'")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("S1C00");
        assertThatThrownBy(() -> state.checkIsolation(Connection.TRANSACTION_NONE))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isNull();
    }

    @Test
    void aNetworkTimeoutIsCheckedKeptAndAppliedToEachNewPhysicalConnection() throws SQLException {
        Executor executor = Runnable::run;
        assertThat(state.networkTimeout()).isEqualTo(30_000);
        assertThatThrownBy(() -> state.networkTimeout(executor, -1)).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("S1009");

        state.networkTimeout(executor, 500);
        state.applyTo(physical, false);

        assertThat(state.networkTimeout()).isEqualTo(500);
        verify(physical).setNetworkTimeout(executor, 500);
    }
}
