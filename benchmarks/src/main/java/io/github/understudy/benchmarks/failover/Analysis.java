package io.github.understudy.benchmarks.failover;

import io.github.understudy.Diagnosis;
import io.github.understudy.HostAndPort;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeSuspect;
import io.github.understudy.event.ReplicaCaughtUp;
import io.github.understudy.event.ReplicaLagging;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.UnderstudyEvent;
import io.github.understudy.benchmarks.support.EventLog;
import io.github.understudy.benchmarks.support.Request;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Turns one {@link Observation} into {@link Metric} values; a phase that did not happen is left out. */
final class Analysis {

    private Analysis() {
    }

    static Map<Metric, Double> measure(Observation o) {
        Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        HostAndPort victim = HostAndPort.parse(o.addresses().get(o.victim()));
        since(o, NodeSuspect.class, e -> e.node().equals(victim))
                .or(() -> since(o, NodeDown.class, e -> e.node().equals(victim)))
                .ifPresent(t -> metrics.put(Metric.FIRST_FAILURE_SEEN, millis(o.faultAt(), t.nanos())));
        metrics.put(Metric.FAILED_WRITES, (double) count(o, r -> r.write() && !r.ok()));
        metrics.put(Metric.FAILED_READS, (double) count(o, r -> !r.write() && !r.ok()));
        switch (o.fault()) {
            case MASTER_KILL, MASTER_HANG -> master(o, metrics);
            case REPLICA_KILL -> replicaKill(o, victim, metrics);
            case REPLICA_LAG -> lag(o, victim, metrics);
        }
        return metrics;
    }

    private static void master(Observation o, Map<Metric, Double> metrics) {
        since(o, MasterFailureDiagnosed.class, e -> e.diagnosis() == Diagnosis.DEAD_MASTER)
                .ifPresent(t -> metrics.put(Metric.DIAGNOSED, millis(o.faultAt(), t.nanos())));
        since(o, ReplicasRepointed.class, e -> true).ifPresent(t -> {
            metrics.put(Metric.REPOINTED, millis(o.faultAt(), t.nanos()));
            metrics.put(Metric.EVENT_REPOINT, ((ReplicasRepointed) t.event()).took().toNanos() / 1e6);
        });
        Optional<EventLog.Timed> promoted = since(o, MasterPromoted.class, e -> true);
        o.requests().stream().filter(r -> r.write()).mapToDouble(Request::millis).max()
                .ifPresent(slowest -> metrics.put(Metric.SLOWEST_WRITE, slowest));
        if (promoted.isEmpty()) {
            return;
        }
        MasterPromoted event = (MasterPromoted) promoted.get().event();
        long at = promoted.get().nanos();
        int newMaster = o.addresses().indexOf(event.newMaster().toString());
        metrics.put(Metric.PROMOTED, millis(o.faultAt(), at));
        metrics.put(Metric.EVENT_DETECTION, event.detection().toNanos() / 1e6);
        metrics.put(Metric.EVENT_PROMOTION, event.promotion().toNanos() / 1e6);
        o.requests().stream().filter(r -> r.write() && r.ok() && r.node() == newMaster && r.end() >= o.faultAt())
                .mapToLong(Request::end).min()
                .ifPresent(end -> metrics.put(Metric.WRITE_UNAVAILABLE, millis(o.faultAt(), end)));
        metrics.put(Metric.LATE_OLD_MASTER_ACKS, (double) count(o, r -> r.write() && r.ok()
                && r.node() == o.victim() && r.end() > at));
    }

    private static void replicaKill(Observation o, HostAndPort victim, Map<Metric, Double> metrics) {
        since(o, NodeDown.class, e -> e.node().equals(victim))
                .ifPresent(t -> metrics.put(Metric.NODE_DOWN, millis(o.faultAt(), t.nanos())));
        long last = o.trace().lastRouted(o.victim(), false, o.faultAt(), o.end());
        metrics.put(Metric.LAST_READ_ROUTED, last == Long.MIN_VALUE ? 0 : millis(o.faultAt(), last));
    }

    private static void lag(Observation o, HostAndPort victim, Map<Metric, Double> metrics) {
        long crossing = o.faultAt() + o.maxLag().toNanos();
        since(o, ReplicaLagging.class, e -> e.node().equals(victim) && e.lag() != null
                && e.lag().compareTo(o.maxLag()) > 0)
                .ifPresent(t -> metrics.put(Metric.LAGGING_EVENT, millis(crossing, t.nanos())));
        if (o.healedAt() == 0) {
            return;
        }
        long last = o.trace().lastRouted(o.victim(), false, o.faultAt(), o.healedAt());
        if (last != Long.MIN_VALUE) {
            metrics.put(Metric.OUT_OF_ROTATION, millis(crossing, last));
        }
        o.events().stream().filter(t -> t.nanos() >= o.healedAt() && t.event() instanceof ReplicaCaughtUp e
                && e.node().equals(victim)).findFirst()
                .ifPresent(t -> metrics.put(Metric.CAUGHT_UP_EVENT, millis(o.healedAt(), t.nanos())));
        long first = o.trace().firstRouted(o.victim(), false, o.healedAt());
        if (first != Long.MAX_VALUE) {
            metrics.put(Metric.BACK_IN_ROTATION, millis(o.healedAt(), first));
        }
    }

    private static <E extends UnderstudyEvent> Optional<EventLog.Timed> since(Observation o, Class<E> type,
                                                                              Predicate<E> condition) {
        return o.events().stream().filter(t -> t.nanos() >= o.faultAt() && type.isInstance(t.event()))
                .filter(t -> condition.test(type.cast(t.event()))).findFirst();
    }

    private static long count(Observation o, Predicate<Request> condition) {
        return o.requests().stream().filter(condition).count();
    }

    private static double millis(long from, long to) {
        return (to - from) / 1e6;
    }
}
