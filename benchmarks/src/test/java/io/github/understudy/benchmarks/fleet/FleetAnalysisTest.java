package io.github.understudy.benchmarks.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.benchmarks.BenchOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FleetAnalysisTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final String N1 = "127.0.0.1:1001";
    private static final String N2 = "127.0.0.1:1002";
    private static final long FAULT = 100 * S;

    @Test
    void recordsSurviveTheirLines() {
        FleetRecords.Instance instance = new FleetRecords.Instance("f0i1", 7, 2, 5,
                List.of(new FleetRecords.Change(1, N1), new FleetRecords.Change(2, ""), new FleetRecords.Change(3, N2)));
        FleetRecords.Event event = new FleetRecords.Event(4, "f0i1", "FailoverHeldBack", "a\treason\nsplit");

        assertThat(FleetRecords.Instance.parse(instance.line())).isEqualTo(instance);
        assertThat(FleetRecords.Event.parse(event.line())).isEqualTo(new FleetRecords.Event(4, "f0i1",
                "FailoverHeldBack", "a reason split"));
        assertThat(instance.firstTo(N2, 0)).isEqualTo(3);
        assertThat(instance.firstTo(N1, 2)).isNull();
    }

    @Test
    void eachInstanceIsTimedFromTheFaultAndFromThePromotion() {
        Map<String, Object> m = FleetAnalysis.measure(observation(), 5 * S);

        assertThat(m.get("promotions")).isEqualTo(1);
        assertThat(m.get("newMaster")).isEqualTo("n2");
        assertThat(m.get("faultToPromotionMs")).isEqualTo(500.0);
        Map<String, Object> fromPromotion = FleetReport.map(m.get("followFromPromotionMs"));
        assertThat(fromPromotion).containsEntry("min", 10.0).containsEntry("max", 900.0).containsEntry("missing", 1);
        assertThat(FleetReport.map(m.get("followFromFaultMs"))).containsEntry("p99", 1400.0);
        assertThat(m.get("instancesNeverFollowed")).isEqualTo(1L);
        assertThat(m.get("writesFailed")).isEqualTo(3L);
        assertThat(FleetReport.map(FleetReport.map(m.get("newConnections")).get("n2")))
                .containsEntry("total", 12L).containsEntry("perInstance", 4.0);
        assertThat(FleetReport.map(FleetReport.map(m.get("newConnections")).get("n1"))).containsEntry("total", null);
        assertThat(FleetReport.map(m.get("eventsAcrossFleet"))).containsEntry("NodeFenced", 1)
                .containsEntry("MasterFailureDiagnosed DEAD_MASTER", 2);
    }

    @Test
    void thePromotedNodeIsFollowedReadingByReading() {
        Map<String, Object> promoted = FleetReport.map(FleetAnalysis.measure(observation(), 5 * S)
                .get("promotedNode"));

        assertThat(promoted).containsEntry("node", "n2").containsEntry("connectionsBefore", 6L)
                .containsEntry("peakConnections", 12L).containsEntry("newConnections", 6L);
        assertThat((double) promoted.get("statementsPerSecond")).isEqualTo((4 * 25 + 16 * 3) / 5.0);
        assertThat((double) promoted.get("peakStatementsPerSecond")).isEqualTo(100.0);
    }

    @Test
    void theReportHasEveryTableAndTheVerdicts() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("instances", 3);
        point.put("jvms", 2);
        point.put("healthyProbeIntervalMs", 500L);
        point.put("steady", steady());
        point.put("failovers", List.of(FleetAnalysis.measure(observation(), 5 * S)));
        FleetSettings settings = FleetSettings.of(BenchOptions.parse(new String[0], FleetSettings.OPTIONS));

        String markdown = FleetReport.build(List.of(point), BenchOptions.parse(new String[0],
                FleetSettings.OPTIONS), settings, "test servers").markdown();

        assertThat(markdown).contains("## Steady state (no load)", "| 3 | 2 | 500 ms | 12 / 12 / 12 | 4 / 4 / 4 |",
                "statements/s per instance per node = 2 / healthyProbeInterval", "| 3 | 500 ms | 4 | 4 | 6 | 6 |",
                "| 3 | 500 ms | master-kill | 1 | 500 | 510 / 955 / 1,400 / 1,400 (1 missing) |",
                "## The promoted node n2 around its promotion", "exactly one promotion per failover: met",
                "p99 promotion → follow 900 ms (≤ 1 s: missed)", "threads per DataSource at rest ≤ 8: met (at most 5)");
    }

    /** Three instances: one promotes at fault + 500 ms, one follows 900 ms later, one never does. */
    private static FleetEpisode.Observation observation() {
        long promoted = FAULT + 500 * MS;
        List<String> report = new ArrayList<>(List.of(
                new FleetRecords.Instance("f0i0", 10, 1, 5, List.of(new FleetRecords.Change(FAULT - S, N1),
                        new FleetRecords.Change(FAULT + 100 * MS, ""), new FleetRecords.Change(promoted + 10 * MS,
                                N2))).line(),
                new FleetRecords.Instance("f0i1", 10, 2, 5, List.of(new FleetRecords.Change(FAULT - S, N1),
                        new FleetRecords.Change(promoted + 900 * MS, N2))).line(),
                new FleetRecords.Instance("f1i0", 10, 0, 4, List.of(new FleetRecords.Change(FAULT - S, N1))).line(),
                new FleetRecords.Event(promoted, "f0i0", "MasterPromoted", N2).line(),
                new FleetRecords.Event(FAULT + 300 * MS, "f0i0", "MasterFailureDiagnosed", "DEAD_MASTER").line(),
                new FleetRecords.Event(FAULT + 310 * MS, "f0i1", "MasterFailureDiagnosed", "DEAD_MASTER").line(),
                new FleetRecords.Event(FAULT + 4 * S, "f0i1", "NodeFenced", N1).line(),
                new FleetRecords.Error("write 08S01 CommunicationsException", "3x, e.g. gone").line()));
        List<NodeSampler.Sample> samples = new ArrayList<>();
        // n2 every 250 ms: 6 connections and 12 statements/s before the promotion; 6 new connections at once, then
        // 12 open and 100 statements/s for a second; then 8 open and 12 statements/s.
        long statements = 0;
        long connections = 100;
        for (long t = promoted - S; t <= promoted + 5 * S; t += 250 * MS) {
            boolean burst = t > promoted && t <= promoted + S;
            statements += burst ? 25 : 3;
            connections += t == promoted + 250 * MS ? 6 : 0;
            samples.add(new NodeSampler.Sample(t, "n2", burst ? 12 : t > promoted ? 8 : 6, connections, statements));
        }
        return new FleetEpisode.Observation(FleetFault.MASTER_KILL, 3, Duration.ofMillis(500),
                Map.of("n1", N1, "n2", N2, "n3", "127.0.0.1:1003"), FAULT, FAULT + 2 * S,
                Map.of("n1", 50L, "n2", 100L, "n3", 100L), Map.of("n2", 112L, "n3", 103L), samples, report, 0, 0);
    }

    private static Map<String, Object> steady() {
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (String node : List.of("n1", "n2", "n3")) {
            nodes.put(node, Map.of("statementsPerSecond", 12.0, "statementsPerSecondPerInstance", 4.0,
                    "threadsConnected", 8L, "adminSessions", 3, "applicationSessions", 3));
        }
        return Map.of("nodes", nodes, "threads", Map.of("jvmAddedPerInstance", 6.0, "perInstance", List.of(5, 5, 4),
                "names", List.of("f0i0-monitor-1")), "clientCpuMillisPerSecondPerInstance", 3.0);
    }
}
