package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.UnderstudyConfig;

import java.time.Duration;

/**
 * What every {@link RoutingConnection} of a DataSource starts with, taken from its configuration once.
 *
 * @param retryReads         whether an auto-commit read whose replica died runs again on another
 * @param consistency        the DataSource's consistency
 * @param readYourWritesWait how long a read-your-writes read may wait on a replica
 * @param session            the session's defaults, as Connector/J reports them before the first statement
 * @param untrackedWindow    without GTIDs, how long after a write a read-your-writes session reads from the
 *                           master: {@code maxReplicaLag} plus {@code probeInterval}, by when every replica still in
 *                           rotation has applied the write
 */
record ConnectionSettings(boolean retryReads, Consistency consistency, Duration readYourWritesWait,
                                 SessionState.Defaults session, Duration untrackedWindow) {

    /** {@return the settings of {@code config}'s connections} */
    public static ConnectionSettings of(UnderstudyConfig config) {
        boolean schemaIsDatabase = "SCHEMA".equalsIgnoreCase(config.driverProperties().get("databaseTerm"));
        SessionState.Defaults session = new SessionState.Defaults(config.name(), config.database().orElse(null),
                schemaIsDatabase, Check.driverMillis(config.socketTimeout()));
        return new ConnectionSettings(config.retryReads(), config.consistency(), config.readYourWritesWait(),
                session, config.maxReplicaLag().plus(config.probeInterval()));
    }
}
