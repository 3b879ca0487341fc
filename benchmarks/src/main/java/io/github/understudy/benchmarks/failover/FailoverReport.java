package io.github.understudy.benchmarks.failover;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.MarkdownTable;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.benchmarks.results.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The failover report: per fault, min/median/max of every metric over the repetitions, and the targets. */
final class FailoverReport {

    private static final String FLOOR = "For scale: the promote + repoint statements themselves took 48 ms (MariaDB) "
            + "to 229 ms (MySQL) when done by hand over JDBC, and a client sees a killed server within ~0.1 s; the "
            + "best-known alternatives take 1–30 s. The phases above show where the rest of the window goes.";

    private FailoverReport() {
    }

    static Report build(Map<Fault, List<Episode.Outcome>> outcomes, BenchOptions options, String servers) {
        Report report = new Report("failover", "Failover and eviction timing under load")
                .meta("options", options.given())
                .meta("servers", servers)
                .meta("settings", "Understudy defaults (probeInterval 500 ms, probeTimeout 1 s, failuresToEvict 2, "
                        + "maxReplicaLag 5 s, lagSource " + options.text("lagSource", "SECONDS_BEHIND_MASTER")
                        + ", masterWaitTimeout 2 s, socketTimeout 30 s); test kit: slave_net_timeout 2 s, master "
                        + "heartbeat 0.25 s");
        List<Object> data = new ArrayList<>();
        MarkdownTable targets = new MarkdownTable("fault", "metric", "target", "min", "median", "max", "verdict");
        for (Map.Entry<Fault, List<Episode.Outcome>> entry : outcomes.entrySet()) {
            List<Map<Metric, Double>> repetitions = entry.getValue().stream().map(Episode.Outcome::metrics).toList();
            Map<Metric, Summary> summaries = summaries(repetitions);
            report.table(entry.getKey().label() + " (" + repetitions.size() + " repetitions)", table(summaries));
            if (entry.getKey().master()) {
                report.text(phases(repetitions));
            }
            report.text("Failed requests, by kind: " + errorKinds(entry.getValue()) + ".");
            data.add(json(entry.getKey(), entry.getValue(), summaries));
            for (Target target : Target.DEFAULTS) {
                if (target.fault() == entry.getKey()) {
                    Summary s = summaries.getOrDefault(target.metric(), Summary.of(List.of()));
                    targets.row(target.fault().label(), target.metric().description(), target.describe(), s.min(),
                            s.median(), s.max(), target.verdict(s));
                }
            }
        }
        report.table("Targets", targets).text(FLOOR);
        return report.data("faults", data);
    }

    private static Map<Metric, Summary> summaries(List<Map<Metric, Double>> repetitions) {
        Map<Metric, Summary> summaries = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (repetitions.stream().anyMatch(r -> r.containsKey(metric))) {
                summaries.put(metric, Summary.of(repetitions.stream().map(r -> r.get(metric)).toList()));
            }
        }
        return summaries;
    }

    private static MarkdownTable table(Map<Metric, Summary> summaries) {
        MarkdownTable table = new MarkdownTable("metric", "unit", "min", "median", "max", "missing");
        summaries.forEach((metric, s) -> table.row(metric.description(), metric.unit(), s.min(), s.median(), s.max(),
                s.missing()));
        return table;
    }

    /** Medians of each phase's own length (per repetition), so the gap to the floor is visible. */
    private static String phases(List<Map<Metric, Double>> repetitions) {
        return String.format(Locale.ROOT, "Phases (medians of each repetition's own phases): fault → first failure "
                + "seen %.0f ms → diagnosis (DEAD_MASTER) +%.0f ms → new master writable (MasterPromoted) +%.0f ms "
                + "→ first write acknowledged by it %+.0f ms (negative when that write landed before the event "
                + "reached the listener).", phase(repetitions, null, Metric.FIRST_FAILURE_SEEN),
                phase(repetitions, Metric.FIRST_FAILURE_SEEN, Metric.DIAGNOSED),
                phase(repetitions, Metric.DIAGNOSED, Metric.PROMOTED),
                phase(repetitions, Metric.PROMOTED, Metric.WRITE_UNAVAILABLE));
    }

    private static double phase(List<Map<Metric, Double>> repetitions, Metric from, Metric to) {
        return Summary.of(repetitions.stream().map(r -> r.containsKey(to) && (from == null || r.containsKey(from))
                ? r.get(to) - (from == null ? 0 : r.get(from)) : null).toList()).median();
    }

    private static String errorKinds(List<Episode.Outcome> outcomes) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        outcomes.forEach(o -> kinds.addAll(o.errors().keySet()));
        return kinds.isEmpty() ? "none" : String.join("; ", kinds);
    }

    private static Map<String, Object> json(Fault fault, List<Episode.Outcome> outcomes,
                                            Map<Metric, Summary> summaries) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("fault", fault.label());
        Map<String, Object> summary = new LinkedHashMap<>();
        summaries.forEach((metric, s) -> summary.put(metric.name(), s.toMap()));
        entry.put("summary", summary);
        List<Object> reps = new ArrayList<>();
        for (Episode.Outcome outcome : outcomes) {
            Map<String, Object> values = new LinkedHashMap<>();
            outcome.metrics().forEach((metric, value) -> values.put(metric.name(), value));
            values.put("errors", outcome.errors());
            reps.add(values);
        }
        entry.put("repetitions", reps);
        return entry;
    }
}
