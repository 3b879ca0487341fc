package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.results.MarkdownTable;
import io.github.understudy.benchmarks.results.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The chaos report: the settings, each segment's faults and verdict, every violation and every lost write. */
public final class ChaosReport {

    private ChaosReport() {
    }

    /**
     * @param name   the report's file name, e.g. {@code chaos}
     * @param result the run
     * @return the report, to write
     */
    public static Report of(String name, ChaosRunner.Result result) {
        ChaosSettings s = result.settings();
        Report report = new Report(name, "Chaos run with correctness checker")
                .meta("settings", s.toString())
                .meta("servers", result.servers() + " (test kit, loopback)")
                .meta("duration", result.millis() / 1000 + " s")
                .meta("verdict", result.violations().isEmpty() ? "correct: no violation"
                        : result.violations().size() + " violations");
        MarkdownTable segments = new MarkdownTable("segment", "faults", "ended", "writes acknowledged",
                "writes failed", "reads failed", "acknowledged writes lost", "violations", "write targets at the end");
        Map<String, Integer> kinds = new TreeMap<>();
        List<Object> data = new ArrayList<>();
        for (Segment.Result segment : result.segments()) {
            Map<String, Long> c = segment.verdict().counts();
            segments.row(segment.index(), segment.faults().size(), segment.endReason(), c.get("writes acknowledged"),
                    c.get("writes failed"), c.get("reads failed"), c.get("acknowledged writes lost"),
                    segment.verdict().violations().size(), String.join(", ", segment.targets()));
            segment.faults().forEach(f -> kinds.merge(f.kind().name(), 1, Integer::sum));
            data.add(json(segment));
        }
        MarkdownTable faults = new MarkdownTable("fault", "count");
        kinds.forEach(faults::row);
        report.table("Segments", segments).table("Faults applied", faults);
        report.text(result.violations().isEmpty() ? "No violation." : "Violations:\n\n- "
                + String.join("\n- ", result.violations()));
        report.text(result.warnings().isEmpty() ? "No liveness warning." : "Liveness warnings (not violations: "
                + "the rules above are about safety):\n\n- " + String.join("\n- ", result.warnings()));
        return report.data("segments", data).data("violations", result.violations())
                .data("livenessWarnings", result.warnings())
                .data("processesLeft", result.processesLeft());
    }

    private static Map<String, Object> json(Segment.Result segment) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("index", segment.index());
        entry.put("endReason", segment.endReason());
        entry.put("stuckRequestsAtStop", segment.stuck());
        entry.put("faults", segment.faults().stream().map(f -> Map.of("kind", f.kind().name(), "node", f.node(),
                "atMs", f.atMs(), "holdMs", f.holdMs())).toList());
        entry.put("counts", segment.verdict().counts());
        entry.put("violations", segment.verdict().violations());
        entry.put("writeTargetsAtEnd", segment.targets());
        entry.put("errors", segment.errors());
        entry.put("lostWrites", segment.verdict().lostWrites());
        return entry;
    }
}
