package io.github.understudy.internal;

import io.github.understudy.ConnectionChangedException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement of a read-only connection on a replica. When its replica dies under it, an auto-commit read is
 * re-run once on another healthy replica (with the same parameters, so the caller never sees the failure); in a
 * read-only transaction there is no silent re-run: the caller gets {@link ConnectionChangedException} and the
 * connection moves to another server for the next transaction.
 */
final class ReadStatement<S extends Statement> implements InvocationHandler {

    private final RoutingConnection owner;
    private final RoutingConnection.StatementFactory<S> factory;
    private final boolean retry;
    private final List<Object[]> replay = new ArrayList<>();
    private final List<Method> replayMethods = new ArrayList<>();
    private S target;

    private ReadStatement(RoutingConnection owner, S target, RoutingConnection.StatementFactory<S> factory,
                          boolean retry) {
        this.owner = owner;
        this.target = target;
        this.factory = factory;
        this.retry = retry;
    }

    static <S extends Statement> S wrap(RoutingConnection owner, S statement, Class<S> type,
                                        RoutingConnection.StatementFactory<S> factory, boolean retry) {
        ReadStatement<S> handler = new ReadStatement<>(owner, statement, factory, retry);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "getConnection":
                return owner;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "ReadStatement[" + target + "]";
            default:
                break;
        }
        if (name.startsWith("execute")) {
            return execute(method, args);
        }
        if (name.startsWith("set") || name.startsWith("clear") || name.equals("addBatch")
                || name.equals("registerOutParameter")) {
            replayMethods.add(method);
            replay.add(args);
        }
        return call(target, method, args);
    }

    private Object execute(Method method, Object[] args) throws Throwable {
        Node node = owner.currentNode();
        try {
            return call(target, method, args);
        } catch (SQLException e) {
            if (!Communication.failed(e) || node == null) {
                throw e;
            }
            if (!owner.readOnlyAutoCommit()) {
                owner.abandon();
                throw owner.failed(new ConnectionChangedException("the read-only transaction's server " + node
                        + " failed; the transaction is lost, the next one runs on another server", owner.table().snapshot(), e));
            }
            if (!retry) {
                throw e;
            }
            target = factory.create(owner.rerouteRead(node));
            for (int i = 0; i < replay.size(); i++) {
                call(target, replayMethods.get(i), replay.get(i));
            }
            return call(target, method, args);
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
