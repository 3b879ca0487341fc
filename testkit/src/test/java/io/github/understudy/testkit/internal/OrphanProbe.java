package io.github.understudy.testkit.internal;

import io.github.understudy.testkit.Engine;
import io.github.understudy.testkit.ReplicationCluster;

import java.nio.file.Path;

/** Run in a separate JVM by {@link OrphanReapingIT}: starts a one-node cluster, says where, then waits to be killed. */
public final class OrphanProbe {

    private OrphanProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        ReplicationCluster cluster = ReplicationCluster.builder().engine(Engine.mariadb()).replicas(0)
                .workDirectory(Path.of(args[0])).name("orphan").start();
        System.out.println("READY " + cluster.node("n1").serverPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
