package io.github.understudy.it;

import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

/** Run by the {@code docker} profile only, on the image it names ({@code -Ddocker.image=mysql:8.4}). */
@WithReplicationCluster(replicas = 2)
class DockerStartupIT extends StartupContract {

    DockerStartupIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
