package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.MarkdownTable;
import io.github.understudy.benchmarks.results.Report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Turns JMH results and statement counts into the routing report: ratios to the baselines, and the targets. */
final class RoutingReport {

    private static final List<String> METHODS = List.of("borrowSelectClose", "borrowClose");
    private static final double TARGET_RATIO = 1.05;

    private final Map<String, Map<String, Result<?>>> primary = new LinkedHashMap<>();
    private final Map<String, Map<String, Double>> allocation = new LinkedHashMap<>();
    private final Map<String, Map<String, StatementCount.PerOperation>> statements;

    RoutingReport(Collection<RunResult> results, Map<String, Map<String, StatementCount.PerOperation>> statements) {
        this.statements = statements;
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            String variant = result.getParams().getParam("variant");
            primary.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(variant, result.getPrimaryResult());
            result.getSecondaryResults().forEach((name, secondary) -> {
                if (name.endsWith("gc.alloc.rate.norm")) {
                    allocation.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(variant, secondary.getScore());
                }
            });
        }
    }

    void addTo(Report report, BenchOptions options) {
        report.meta("baselines", "hikari-master (write path), hikari-replica (read path): one plain HikariCP pool "
                + "on the node the path uses");
        List<Object> rows = new ArrayList<>();
        for (String method : METHODS) {
            if (primary.containsKey(method)) {
                report.table("SELECT 1: " + method + " (ns/op, 1 thread by default, lower is better)", table(method, rows));
            }
        }
        MarkdownTable targets = new MarkdownTable("target", "operation", "measured", "verdict");
        List<Object> verdicts = new ArrayList<>();
        for (String method : METHODS) {
            if (primary.containsKey(method)) {
                targets(method, targets, verdicts);
            }
        }
        report.table("SELECT 1 targets", targets);
        report.text("Statements per operation come from the servers' `Com_*` counters (read on one long-lived root "
                + "connection per server), after warm-up, over " + options.integer("countOperations", 1000)
                + " operations per variant; Understudy's monitor probes (SHOW statements, time-based) are left out. "
                + "They do not depend on machine noise; the timings do: compare runs on a quiet machine only.");
        report.data("results", rows).data("targets", verdicts);
    }

    private MarkdownTable table(String method, List<Object> rows) {
        MarkdownTable table = new MarkdownTable("variant", "path", "ns/op", "± (99.9%)", "× baseline", "B/op",
                "statements/op", "statements (per server)");
        for (Map.Entry<String, Result<?>> entry : primary.get(method).entrySet()) {
            Variant variant = Variant.of(entry.getKey());
            double ratio = ratio(method, variant);
            Double bytes = allocation.getOrDefault(method, Map.of()).get(variant.label());
            StatementCount.PerOperation counts = statements.getOrDefault(variant.label(), Map.of()).get(method);
            table.row(variant.label(), variant.read() ? "read" : "write", entry.getValue().getScore(),
                    entry.getValue().getScoreError(), ratio, bytes, counts == null ? null : counts.total(),
                    counts == null ? null : StatementCount.describe(counts));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", method);
            row.put("variant", variant.label());
            row.put("path", variant.read() ? "read" : "write");
            row.put("nsPerOp", entry.getValue().getScore());
            row.put("error", entry.getValue().getScoreError());
            row.put("ratioToBaseline", ratio);
            row.put("bytesPerOp", bytes);
            row.put("statementsPerOp", counts == null ? null : counts.total());
            row.put("statementCounters", counts == null ? null : counts.counters());
            rows.add(row);
        }
        return table;
    }

    private double ratio(String method, Variant variant) {
        Result<?> baseline = primary.get(method).get(variant.baseline().label());
        Result<?> measured = primary.get(method).get(variant.label());
        return baseline == null || measured == null ? Double.NaN : measured.getScore() / baseline.getScore();
    }

    private void targets(String method, MarkdownTable table, List<Object> verdicts) {
        for (Variant understudy : List.of(Variant.UNDERSTUDY_READ, Variant.UNDERSTUDY_WRITE)) {
            double ratio = ratio(method, understudy);
            verdict(table, verdicts, "≤ " + TARGET_RATIO + "× " + understudy.baseline().label(), method,
                    understudy.label() + " = " + fmt(ratio) + "×", ratio, TARGET_RATIO);
            for (Variant alternative : alternatives(understudy)) {
                Result<?> mine = primary.get(method).get(understudy.label());
                Result<?> theirs = primary.get(method).get(alternative.label());
                if (mine != null && theirs != null) {
                    double relative = mine.getScore() / theirs.getScore();
                    verdict(table, verdicts, "no slower than " + alternative.label(), method,
                            understudy.label() + " = " + fmt(relative) + "× " + alternative.label(), relative, 1.0);
                }
            }
        }
    }

    private static List<Variant> alternatives(Variant understudy) {
        return java.util.Arrays.stream(Variant.values()).filter(v -> v.read() == understudy.read())
                .filter(v -> v != understudy && v != understudy.baseline()).toList();
    }

    private static void verdict(MarkdownTable table, List<Object> verdicts, String target, String method,
                                String measured, double value, double limit) {
        String verdict = Double.isNaN(value) ? "not measured" : value <= limit ? "met"
                : String.format(Locale.ROOT, "missed by %.1f%%", (value / limit - 1) * 100);
        table.row(target, method, measured, verdict);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target);
        entry.put("operation", method);
        entry.put("value", value);
        entry.put("limit", limit);
        entry.put("verdict", verdict);
        verdicts.add(entry);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
