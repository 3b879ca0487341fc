package io.github.understudy.benchmarks.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a reader needs to judge a result: when, on what, and how busy the machine was. */
final class RunInfo {

    private static volatile Map<String, Object> started;

    private RunInfo() {
    }

    /** Records the machine's state now, as the start of the run. */
    static void markStart() {
        started = now();
    }

    /** @return the state recorded by {@link #markStart()}, or now when it was not called */
    static Map<String, Object> describe() {
        Map<String, Object> start = started;
        return start != null ? start : now();
    }

    private static Map<String, Object> now() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        info.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        info.put("cores", Runtime.getRuntime().availableProcessors());
        info.put("load average at the start", loadAverage());
        return info;
    }

    /** @return the 1, 5 and 15 minute load averages (Linux), or "unknown" */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
