package io.github.understudy.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;
import io.github.understudy.Role;
import io.github.understudy.UnderstudyMetrics.BreakerState;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The meters each metrics call feeds. */
class MicrometerUnderstudyMetricsTest {

    private static final HostAndPort DB1 = HostAndPort.parse("db1:3306");
    private static final HostAndPort DB2 = HostAndPort.parse("db2:3306");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerUnderstudyMetrics metrics = new MicrometerUnderstudyMetrics(registry, "orders");

    @Test
    void timesMasterWaitsByOutcome() {
        metrics.masterWaited(TimeUnit.MILLISECONDS.toNanos(3), true);
        metrics.masterWaited(TimeUnit.MILLISECONDS.toNanos(2000), false);

        assertThat(registry.get("understudy.master.wait").tag("datasource", "orders").tag("outcome", "found").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
        assertThat(registry.get("understudy.master.wait").tag("outcome", "timeout").timer().max(TimeUnit.SECONDS))
                .isEqualTo(2);
    }

    @Test
    void countsRoutingFailuresBySqlStateAndReadReRunsByNode() {
        metrics.routingFailed("08001");
        metrics.routingFailed("08001");
        metrics.routingFailed("08S02");
        metrics.readRetried(DB2);
        metrics.routed(DB1, Role.MASTER, true);

        assertThat(registry.get("understudy.routing.failures").tag("sqlstate", "08001").counter().count()).isEqualTo(2);
        assertThat(registry.get("understudy.routing.failures").tag("sqlstate", "08S02").counter().count()).isEqualTo(1);
        assertThat(registry.get("understudy.reads.retried").tag("node", "db2:3306").counter().count()).isEqualTo(1);
        assertThat(registry.get("understudy.routed").tag("role", "master").tag("kind", "write").counter().count())
                .isEqualTo(1);
    }

    @Test
    void showsEachNodesBreakerStateAsOneGaugePerState() {
        metrics.breakerChanged(DB2, BreakerState.CLOSED);
        assertThat(breaker("closed")).isEqualTo(1);
        metrics.breakerChanged(DB2, BreakerState.OPEN);

        assertThat(breaker("open")).isEqualTo(1);
        assertThat(breaker("closed")).isZero();
        assertThat(breaker("half_open")).isZero();
    }

    @Test
    void showsEachNodesProbeLatencyInSeconds() {
        metrics.nodeAdded(new ReplicaCandidate() {
            @Override
            public HostAndPort address() {
                return DB1;
            }

            @Override
            public int inFlight() {
                return 0;
            }

            @Override
            public long latencyNanos() {
                return 1_500_000;
            }
        });

        assertThat(registry.get("understudy.node.probe.latency").tag("node", "db1:3306").gauge().value()).isEqualTo(0.0015);
    }

    @Test
    void addsUpTheOpenPoolsAndForgetsClosedOnes() {
        IMetricsTracker master = metrics.poolMetrics().create("orders-db1:3306", stats(3, 7, 10, 2));
        metrics.poolMetrics().create("orders-db2:3306", stats(1, 1, 10, 2));

        assertThat(metrics.poolUsage().active()).isEqualTo(4);
        assertThat(metrics.poolUsage().idle()).isEqualTo(8);
        assertThat(metrics.poolUsage().max()).isEqualTo(20);
        assertThat(metrics.poolUsage().min()).isEqualTo(4);
        assertThat(registry.find("hikaricp.connections.active").tag("pool", "orders-db1:3306").gauge()).isNotNull();
        master.close();
        assertThat(metrics.poolUsage().active()).isEqualTo(1);
        assertThat(metrics.poolUsage().pools()).isEqualTo(1);
    }

    private double breaker(String state) {
        return registry.get("understudy.node.breaker").tag("node", "db2:3306").tag("state", state).gauge().value();
    }

    private static PoolStats stats(int active, int idle, int max, int min) {
        return new PoolStats(0) {
            @Override
            protected void update() {
                activeConnections = active;
                idleConnections = idle;
                totalConnections = active + idle;
                maxConnections = max;
                minConnections = min;
            }
        };
    }
}
