package io.github.understudy.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/**
 * The database metadata of a {@link RoutingConnection}: its {@code getConnection()} is the routing connection,
 * never the pooled one behind it; everything else passes to the physical metadata. A dynamic proxy: metadata is
 * off the request path, and the interface has some 180 methods.
 */
final class RoutedMetaData implements InvocationHandler {

    private final Connection owner;
    private final DatabaseMetaData target;

    private RoutedMetaData(Connection owner, DatabaseMetaData target) {
        this.owner = owner;
        this.target = target;
    }

    static DatabaseMetaData wrap(Connection owner, DatabaseMetaData target) {
        return (DatabaseMetaData) Proxy.newProxyInstance(RoutedMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, new RoutedMetaData(owner, target));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                return owner;
            case "unwrap":
                return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "RoutedMetaData[" + target + "]";
            default:
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }
}
