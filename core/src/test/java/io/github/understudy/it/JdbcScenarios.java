package io.github.understudy.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.Executor;

/** The call sequences of the JDBC conformance suite; each method returns a fresh sequence (some hold state). */
final class JdbcScenarios {

    static final Executor DIRECT = Runnable::run;

    private JdbcScenarios() {
    }

    static JdbcCalls firstStatement() {
        return JdbcCalls.of().then("SELECT 1", c -> c.createStatement().executeQuery("SELECT 1"));
    }

    /** Every getter a framework calls on a connection it was just handed. */
    static JdbcCalls getters() {
        return JdbcCalls.of()
                .then("getAutoCommit", Connection::getAutoCommit)
                .then("isReadOnly", Connection::isReadOnly)
                .then("getTransactionIsolation", Connection::getTransactionIsolation)
                .then("getCatalog", Connection::getCatalog)
                .then("getSchema", Connection::getSchema)
                .then("getHoldability", Connection::getHoldability)
                .then("getNetworkTimeout", Connection::getNetworkTimeout)
                .then("getWarnings", Connection::getWarnings)
                .then("isClosed", Connection::isClosed)
                .then("isValid(2)", c -> c.isValid(2))
                .then("getTypeMap", c -> c.getTypeMap().size())
                .then("isWrapperFor(Connection)", c -> c.isWrapperFor(Connection.class))
                .then("unwrap(Connection) is it", c -> c.unwrap(Connection.class) == c);
    }

    /** Calls that are wrong for the connection's state or take invalid values; the connection must stay usable. */
    static JdbcCalls misuse() {
        return JdbcCalls.of()
                .then("setTransactionIsolation(42)", c -> ok(() -> c.setTransactionIsolation(42)))
                .then("setTransactionIsolation(NONE)", c -> ok(() -> c.setTransactionIsolation(
                        Connection.TRANSACTION_NONE)))
                .then("getTransactionIsolation", Connection::getTransactionIsolation)
                .then("setHoldability(CLOSE_CURSORS_AT_COMMIT)", c -> ok(() -> c.setHoldability(
                        ResultSet.CLOSE_CURSORS_AT_COMMIT)))
                .then("getHoldability", Connection::getHoldability)
                .then("setHoldability(42)", c -> ok(() -> c.setHoldability(42)))
                .then("rollback() in auto-commit", c -> ok(c::rollback))
                .then("commit() in auto-commit", c -> ok(c::commit))
                .then("setSavepoint() in auto-commit", c -> c.setSavepoint() != null)
                .then("setNetworkTimeout(null, 1000)", c -> ok(() -> c.setNetworkTimeout(null, 1000)))
                .then("setNetworkTimeout(executor, -1)", c -> ok(() -> c.setNetworkTimeout(DIRECT, -1)))
                .then("getNetworkTimeout", Connection::getNetworkTimeout)
                .then("abort(null)", c -> ok(() -> c.abort(null)))
                .then("isClosed", Connection::isClosed)
                .then("SELECT DATABASE()", c -> c.createStatement().executeQuery("SELECT DATABASE()"));
    }

    /** A database that does not exist: Connector/J refuses it and keeps the connection's database. */
    static JdbcCalls unknownCatalog() {
        return JdbcCalls.of()
                .then("setCatalog(no_such_db)", c -> ok(() -> c.setCatalog("no_such_db")))
                .then("getCatalog", Connection::getCatalog)
                .then("SELECT DATABASE()", c -> c.createStatement().executeQuery("SELECT DATABASE()"));
    }

    static JdbcCalls schema() {
        return JdbcCalls.of()
                .then("setSchema(mysql)", c -> ok(() -> c.setSchema("mysql")))
                .then("getSchema", Connection::getSchema)
                .then("getCatalog", Connection::getCatalog)
                .then("SELECT DATABASE()", c -> c.createStatement().executeQuery("SELECT DATABASE()"));
    }

    static JdbcCalls invalidTimeout() {
        return JdbcCalls.of()
                .then("isValid(-1)", c -> c.isValid(-1))
                .then("isClosed", Connection::isClosed);
    }

    /** Every object a connection hands out leads back to that connection, never to a physical one behind it. */
    static JdbcCalls identities() {
        return JdbcCalls.of()
                .then("createStatement().getConnection()", c -> c.createStatement().getConnection() == c)
                .then("prepareStatement().getConnection()", c -> c.prepareStatement("SELECT ?").getConnection() == c)
                .then("prepareCall().getConnection()", c -> c.prepareCall("{call conformance_proc(?)}")
                        .getConnection() == c)
                .then("getMetaData().getConnection()", c -> c.getMetaData().getConnection() == c)
                .then("executeQuery().getStatement()", c -> {
                    Statement statement = c.createStatement();
                    return statement.executeQuery("SELECT 1").getStatement() == statement;
                })
                .then("prepared executeQuery().getStatement()", c -> {
                    Statement statement = c.prepareStatement("SELECT 1");
                    return ((java.sql.PreparedStatement) statement).executeQuery().getStatement() == statement;
                })
                .then("getResultSet() twice", c -> {
                    Statement statement = c.createStatement();
                    statement.execute("SELECT 1");
                    return statement.getResultSet() == statement.getResultSet();
                })
                .then("getResultSet().getStatement()", c -> {
                    Statement statement = c.createStatement();
                    statement.execute("SELECT 1");
                    return statement.getResultSet().getStatement() == statement;
                })
                .then("metadata result set's statement", c -> {
                    Statement statement = c.getMetaData().getTables(null, null, "%", null).getStatement();
                    return statement == null ? "none" : statement.getConnection() == c;
                })
                .then("prepared statement unwrap(Statement)", c -> {
                    Statement statement = c.prepareStatement("SELECT 1");
                    return statement.unwrap(Statement.class) == statement;
                })
                .then("call with OUT parameter", c -> {
                    java.sql.CallableStatement call = c.prepareCall("{call conformance_proc(?)}");
                    call.registerOutParameter(1, java.sql.Types.INTEGER);
                    call.execute();
                    return call.getInt(1);
                });
    }

    static JdbcCalls networkTimeout() {
        return JdbcCalls.of()
                .then("setNetworkTimeout(500)", c -> ok(() -> c.setNetworkTimeout(DIRECT, 500)))
                .then("getNetworkTimeout", Connection::getNetworkTimeout)
                .then("SELECT SLEEP(2)", c -> c.createStatement().executeQuery("SELECT SLEEP(2)"));
    }

    /** Auto-commit off, savepoints, rollback and commit, on a temporary table of the session. */
    static JdbcCalls transaction() {
        Savepoint[] savepoint = new Savepoint[1];
        return JdbcCalls.of()
                .then("CREATE TEMPORARY TABLE", c -> c.createStatement().executeUpdate(
                        "CREATE TEMPORARY TABLE conformance_tx (id INT PRIMARY KEY)"))
                .then("setAutoCommit(false)", c -> ok(() -> c.setAutoCommit(false)))
                .then("INSERT 1", c -> c.createStatement().executeUpdate("INSERT INTO conformance_tx VALUES (1)"))
                .then("setSavepoint(s1)", c -> (savepoint[0] = c.setSavepoint("s1")).getSavepointName())
                .then("INSERT 2", c -> c.createStatement().executeUpdate("INSERT INTO conformance_tx VALUES (2)"))
                .then("rollback(s1)", c -> ok(() -> c.rollback(savepoint[0])))
                .then("INSERT 1 again", c -> c.createStatement().executeUpdate("INSERT INTO conformance_tx VALUES (1)"))
                .then("commit", c -> ok(c::commit))
                .then("rollback", c -> ok(c::rollback))
                .then("setAutoCommit(true)", c -> ok(() -> c.setAutoCommit(true)))
                .then("COUNT", c -> c.createStatement().executeQuery("SELECT COUNT(*) FROM conformance_tx"))
                .then("releaseSavepoint after commit", c -> ok(() -> c.releaseSavepoint(savepoint[0])));
    }

    /** What a connection that was closed (or aborted) answers. */
    static JdbcCalls closed() {
        return JdbcCalls.of()
                .then("isClosed", Connection::isClosed)
                .then("isValid(1)", c -> c.isValid(1))
                .then("close again", c -> ok(c::close))
                .then("abort", c -> ok(() -> c.abort(DIRECT)))
                .then("abort(null)", c -> ok(() -> c.abort(null)))
                .then("createStatement", Connection::createStatement)
                .then("prepareStatement", c -> c.prepareStatement("SELECT 1"))
                .then("getAutoCommit", Connection::getAutoCommit)
                .then("setAutoCommit(false)", c -> ok(() -> c.setAutoCommit(false)))
                .then("commit", c -> ok(c::commit))
                .then("rollback", c -> ok(c::rollback))
                .then("setReadOnly(true)", c -> ok(() -> c.setReadOnly(true)))
                .then("isReadOnly", Connection::isReadOnly)
                .then("getCatalog", Connection::getCatalog)
                .then("setCatalog", c -> ok(() -> c.setCatalog("mysql")))
                .then("getSchema", Connection::getSchema)
                .then("getTransactionIsolation", Connection::getTransactionIsolation)
                .then("setTransactionIsolation", c -> ok(() -> c.setTransactionIsolation(
                        Connection.TRANSACTION_READ_COMMITTED)))
                .then("getHoldability", Connection::getHoldability)
                .then("getMetaData", c -> c.getMetaData() != null)
                .then("getWarnings", Connection::getWarnings)
                .then("clearWarnings", c -> ok(c::clearWarnings))
                .then("getNetworkTimeout", Connection::getNetworkTimeout)
                .then("setNetworkTimeout", c -> ok(() -> c.setNetworkTimeout(DIRECT, 1000)))
                .then("setSavepoint", c -> c.setSavepoint() != null)
                .then("getTypeMap", c -> c.getTypeMap().size())
                .then("isWrapperFor(Connection)", c -> c.isWrapperFor(Connection.class));
    }

    static JdbcCalls close() {
        return JdbcCalls.of().then("close", c -> ok(c::close));
    }

    static JdbcCalls abort() {
        return JdbcCalls.of().then("abort", c -> ok(() -> c.abort(DIRECT)));
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    static String ok(Action action) throws Exception {
        action.run();
        return "ok";
    }
}
