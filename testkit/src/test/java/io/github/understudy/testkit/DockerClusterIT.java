package io.github.understudy.testkit;

import io.github.understudy.testkit.junit.WithReplicationCluster;

/** Run by the {@code docker} profile only, on the image it names ({@code -Ddocker.image=mysql:8.4}). */
@WithReplicationCluster(replicas = 2)
class DockerClusterIT extends ReplicationClusterContract {

    DockerClusterIT(ReplicationCluster cluster) {
        super(cluster);
    }
}
