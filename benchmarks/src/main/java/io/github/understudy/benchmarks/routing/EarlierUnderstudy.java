package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.ClusterAccess;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Another build of Understudy's core (e.g. the commit before a change), measured in the same run as this one: its
 * jar is loaded in a class loader of its own, with the same HikariCP, Connector/J and Resilience4j jars as this
 * class path, and configured through its JDBC URL ({@code UnderstudyDriver.dataSource}), which needs no type of it
 * here. The jar's path comes in the system property {@link #PROPERTY}.
 */
final class EarlierUnderstudy {

    /** The system property naming the other core jar. */
    static final String PROPERTY = "understudy.bench.earlierCore";

    /** Jars of this class path that the other core needs beside it, by the start of their file names. */
    private static final List<String> DEPENDENCIES = List.of("HikariCP-", "mysql-connector-j-",
            "resilience4j-", "slf4j-api-");

    private EarlierUnderstudy() {
    }

    /** @return the other core's DataSource with the point workload's pools and driver properties */
    static PointVariant.Opened open(ClusterAccess cluster, Properties driverProperties) {
        String jar = System.getProperty(PROPERTY);
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException(PROPERTY + " must name a core jar, but was " + jar);
        }
        String url = "jdbc:understudy:mysql://" + String.join(",", cluster.hosts()) + "/" + cluster.database()
                + "?name=earlier&pool.master.maximum-pool-size=" + PointVariant.POOL_SIZE
                + "&pool.master.minimum-idle=" + PointVariant.POOL_SIZE
                + "&pool.replica.maximum-pool-size=" + PointVariant.POOL_SIZE
                + "&pool.replica.minimum-idle=" + PointVariant.POOL_SIZE;
        Properties info = new Properties();
        info.putAll(driverProperties);
        info.remove("connectTimeout"); // Understudy's own defaults: connect 1 s, socket 30 s
        info.remove("socketTimeout");
        info.setProperty("user", cluster.user());
        info.setProperty("password", cluster.password());
        info.setProperty("admin.username", cluster.adminUser());
        info.setProperty("admin.password", cluster.adminPassword());
        try {
            URLClassLoader loader = new URLClassLoader("understudy-earlier", urls(jar),
                    ClassLoader.getPlatformClassLoader());
            Class<?> driver = Class.forName("io.github.understudy.jdbc.UnderstudyDriver", true, loader);
            DataSource dataSource = (DataSource) driver.getMethod("dataSource", String.class, Properties.class)
                    .invoke(null, url, info);
            return new PointVariant.Opened(dataSource, dataSource, () -> {
                try {
                    ((AutoCloseable) dataSource).close();
                    loader.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the earlier core failed", e);
                }
            });
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the earlier core did not start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not an Understudy core jar: " + jar, e);
        }
    }

    private static URL[] urls(String jar) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(new File(jar).toURI().toURL());
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                String name = new File(entry).getName();
                if (DEPENDENCIES.stream().anyMatch(name::startsWith)) {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return urls.toArray(URL[]::new);
    }
}
