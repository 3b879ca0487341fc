package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.results.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns one {@link FleetEpisode.Observation} into numbers: promotions, how long each instance took to send writes
 * to the new master (from the fault and from the promotion), failed writes, events across the fleet, new
 * connections per node, and what the promoted node went through in its first seconds.
 */
final class FleetAnalysis {

    private FleetAnalysis() {
    }

    static Map<String, Object> measure(FleetEpisode.Observation o, long firstNanos) {
        List<FleetRecords.Instance> instances = new ArrayList<>();
        List<FleetRecords.Event> events = new ArrayList<>();
        Map<String, String> errors = new TreeMap<>();
        FleetRecords.Switchover switchover = null;
        for (String line : o.report()) {
            switch (line.substring(0, line.indexOf('\t'))) {
                case FleetRecords.Instance.TAG -> instances.add(FleetRecords.Instance.parse(line));
                case FleetRecords.Event.TAG -> events.add(FleetRecords.Event.parse(line));
                case FleetRecords.Switchover.TAG -> switchover = FleetRecords.Switchover.parse(line);
                case FleetRecords.Error.TAG -> {
                    FleetRecords.Error e = FleetRecords.Error.parse(line);
                    errors.merge(e.kind(), e.summary(), (a, b) -> a + " | " + b);
                }
                default -> throw new IllegalArgumentException("unknown record: " + line);
            }
        }
        events.sort(java.util.Comparator.comparingLong(FleetRecords.Event::nanos));
        List<FleetRecords.Event> promotions = events.stream().filter(e -> e.nanos() >= o.faultAt())
                .filter(e -> e.type().equals("MasterPromoted")).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fault", o.fault().label());
        m.put("instances", o.size());
        m.put("healthyProbeIntervalMs", o.healthy().toMillis());
        m.put("promotions", promotions.size());
        m.put("eventsAcrossFleet", counts(events, o.faultAt()));
        if (switchover != null) {
            m.put("switchoverCallMs", switchover.ended() == 0 ? null : ms(switchover.started(), switchover.ended()));
            m.put("switchoverError", switchover.error());
        }
        String promoted = promotions.isEmpty() ? null : promotions.get(0).detail();
        long promotedAt = promotions.isEmpty() ? 0 : promotions.get(0).nanos();
        m.put("newMaster", promoted == null ? null : name(o, promoted));
        m.put("faultToPromotionMs", promoted == null ? null : ms(o.faultAt(), promotedAt));
        follow(o, instances, promoted, promotedAt, m);
        writes(instances, m);
        m.put("peakThreadsPerInstance", Summary.of(instances.stream().map(FleetRecords.Instance::peakThreads)
                .toList()).toMap());
        m.put("newConnections", newConnections(o));
        if (promoted != null) {
            m.put("promotedNode", PromotedNode.measure(o.samples(), name(o, promoted), promotedAt, firstNanos));
        }
        m.put("writesStillRunningAtStop", o.stuck());
        m.put("threadsLeftAfterClose", o.threadsLeft());
        m.put("errors", errors);
        return m;
    }

    private static void follow(FleetEpisode.Observation o, List<FleetRecords.Instance> instances, String promoted,
                               long promotedAt, Map<String, Object> m) {
        List<Double> fromFault = new ArrayList<>();
        List<Double> fromPromotion = new ArrayList<>();
        int elsewhere = 0;
        for (FleetRecords.Instance instance : instances) {
            Long at = promoted == null ? null : instance.firstTo(promoted, o.faultAt());
            fromFault.add(at == null ? null : ms(o.faultAt(), at));
            fromPromotion.add(at == null ? null : ms(promotedAt, at));
            if (promoted != null && !instance.last().equals(promoted)) {
                elsewhere++;
            }
        }
        m.put("followFromFaultMs", distribution(fromFault));
        m.put("followFromPromotionMs", distribution(fromPromotion));
        m.put("instancesNeverFollowed", fromFault.stream().filter(Objects::isNull).count());
        m.put("instancesNotOnNewMasterAtEnd", elsewhere);
        m.put("launcherSawAllFollowMs", o.followedAllAt() == 0 ? null : ms(o.faultAt(), o.followedAllAt()));
    }

    private static void writes(List<FleetRecords.Instance> instances, Map<String, Object> m) {
        List<Long> failed = instances.stream().map(FleetRecords.Instance::writesFailed).toList();
        m.put("writesAcknowledged", instances.stream().mapToLong(FleetRecords.Instance::writesOk).sum());
        m.put("writesFailed", failed.stream().mapToLong(Long::longValue).sum());
        m.put("failedWritesPerInstance", Summary.of(failed).toMap());
        m.put("instancesWithFailedWrites", failed.stream().filter(f -> f > 0).count());
    }

    /** min / median / p99 / max, and how many are missing. */
    static Map<String, Object> distribution(List<Double> values) {
        Map<String, Object> d = Summary.of(values).toMap();
        d.put("p99", Summary.percentile(values, 0.99));
        return d;
    }

    /** Events by type (diagnoses by their diagnosis), from {@code since} on. */
    private static Map<String, Integer> counts(List<FleetRecords.Event> events, long since) {
        Map<String, Integer> counts = new TreeMap<>();
        events.stream().filter(e -> e.nanos() >= since).forEach(e -> counts.merge(
                e.type() + (e.type().equals("MasterFailureDiagnosed") ? " " + e.detail() : ""), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Object> newConnections(FleetEpisode.Observation o) {
        Map<String, Object> perNode = new LinkedHashMap<>();
        o.connectionsBefore().forEach((node, before) -> {
            Long after = o.connectionsAfter().get(node);
            Map<String, Object> n = new LinkedHashMap<>();
            // a killed node's counter is gone with it; the harness's own readings open no connection
            n.put("total", after == null ? null : after - before);
            n.put("perInstance", after == null ? null : (after - before) / (double) o.size());
            perNode.put(node, n);
        });
        return perNode;
    }

    private static String name(FleetEpisode.Observation o, String address) {
        return o.addresses().entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey)
                .findFirst().orElse(address);
    }

    static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
