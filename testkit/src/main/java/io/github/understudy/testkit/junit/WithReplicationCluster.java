package io.github.understudy.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a running {@link io.github.understudy.testkit.ReplicationCluster}: declare a parameter of
 * that type on a test method, a lifecycle method or the constructor. The cluster is shared by every test class
 * of the run that asks for the same settings, is {@linkplain io.github.understudy.testkit.ReplicationCluster#reset()
 * reset} after each test, and is stopped when the run ends.
 *
 * <pre>{@code
 * @WithReplicationCluster(replicas = 2)
 * class FailoverIT {
 *     @Test
 *     void survivesMasterKill(ReplicationCluster cluster) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ReplicationClusterExtension.class)
public @interface WithReplicationCluster {

    /**
     * The engine: {@code mariadb}, {@code mysql}, {@code binary:/path/to/mysqld} or {@code testcontainers:image};
     * empty means the system property {@code understudy.testkit.engine}, else MariaDB.
     *
     * @return the engine's name
     */
    String engine() default "";

    /** @return how many replicas, 0 to 8 */
    int replicas() default 2;

    /** @return whether semi-sync replication is on (MariaDB) */
    boolean semiSync() default false;

    /**
     * @return whether replication positions by GTID; false: by binary log coordinates (see
     *     {@link io.github.understudy.testkit.ReplicationCluster.Builder#gtid(boolean)})
     */
    boolean gtid() default true;

    /**
     * Whether the test class is skipped, with the reason, when its engine cannot run on this machine (a server
     * binary not installed, a jar not on the class path, no Docker engine); otherwise starting the cluster fails.
     * The system property {@value ReplicationClusterExtension#REQUIRE_ENGINES_PROPERTY}{@code =true} turns
     * these skips back into failures, so that a CI run cannot pass by skipping.
     *
     * @return whether to skip where the engine is unavailable
     */
    boolean disabledWhenUnavailable() default false;
}
