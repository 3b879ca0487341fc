package io.github.understudy.benchmarks.chaos;

import io.github.understudy.FailoverSettings;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.benchmarks.support.ClusterConfigs;
import io.github.understudy.benchmarks.support.EventLog;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.RequestLog;
import io.github.understudy.benchmarks.support.RoutingTrace;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Several Understudy DataSources on one cluster, as several application instances would have, each with its own
 * steady load; all report to one event log and one request log.
 */
final class Instances implements AutoCloseable {

    private static final int CAPACITY = 1 << 21;

    final EventLog events = new EventLog();
    final RequestLog log = new RequestLog(CAPACITY);
    final List<UnderstudyDataSource> dataSources = new ArrayList<>();
    private final List<LoadGenerator> loads = new ArrayList<>();
    private final List<String> threadPrefixes = new ArrayList<>();

    Instances(ReplicationCluster cluster, ChaosSettings settings, String prefix, AtomicLong ids) {
        try {
            for (int i = 0; i < settings.instances(); i++) {
                String name = prefix + "i" + i;
                RoutingTrace trace = new RoutingTrace(cluster.addresses(), 1);
                UnderstudyDataSource dataSource = new UnderstudyDataSource(ClusterConfigs.defaults(cluster, name)
                        .listener(events).metrics(trace)
                        .failover(FailoverSettings.builder().minInterval(Duration.ZERO)
                                .replicationCredentials(cluster.replicationUser().user(),
                                        cluster.replicationUser().password()).build())
                        .build());
                dataSources.add(dataSource);
                threadPrefixes.add(name + "-");
                threadPrefixes.add(name + "load-");
                loads.add(LoadGenerator.start(new LoadGenerator.Spec(name + "load", settings.writesPerSecond(),
                        settings.readsPerSecond(), 128), dataSource, cluster.database(), i, trace, log, ids));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return name prefixes of every thread these instances and their loads start */
    List<String> threadPrefixes() {
        return List.copyOf(threadPrefixes);
    }

    /**
     * Stops every load, waiting for running requests.
     *
     * @param wait how long to wait for them
     * @return requests still running after the wait
     */
    int stopLoads(Duration wait) {
        int stuck = 0;
        for (LoadGenerator load : loads) {
            stuck += load.stop(wait);
        }
        return stuck;
    }

    @Override
    public void close() {
        loads.forEach(LoadGenerator::close);
        dataSources.forEach(UnderstudyDataSource::close);
    }
}
