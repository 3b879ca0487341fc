package io.github.understudy.examples.spring;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ReplicationCluster;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only for trying failover in this sample: {@code GET /cluster} shows the topology as Understudy sees it, and
 * {@code POST /cluster/kill-master} kills the embedded cluster's master. Not something to copy.
 */
@RestController
public class ClusterController {

    private final UnderstudyDataSource dataSource;
    private final ObjectProvider<ReplicationCluster> cluster;

    ClusterController(UnderstudyDataSource dataSource, ObjectProvider<ReplicationCluster> cluster) {
        this.dataSource = dataSource;
        this.cluster = cluster;
    }

    @GetMapping("/cluster")
    Map<String, Object> topology() {
        return Map.of("topology", dataSource.topology().describe(),
                "writeTarget", dataSource.writeTarget().map(Object::toString).orElse("none"));
    }

    @PostMapping("/cluster/kill-master")
    Map<String, Object> killMaster() {
        ReplicationCluster servers = cluster.getObject();
        String master = servers.master().address();
        servers.master().kill();
        return Map.of("killed", master);
    }
}
