package io.github.understudy.benchmarks.support;

import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the servers of a test-kit cluster spent, from Linux's {@code /proc/<pid>/stat} (user + system time of
 * the whole process, its ended threads included, in clock ticks of 10 ms): found by their command line, which
 * names the cluster's work directory and the node. ({@code /proc/<pid>/schedstat} is finer but counts the main
 * thread only, which serves no query.)
 */
public final class ServerCpu {

    /** Linux's USER_HZ is 100 on every architecture the test kit runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> pids;

    private ServerCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /**
     * @param cluster a running cluster, started by this JVM
     * @param name    the name it was given ({@link ReplicationCluster.Builder#name}): with this JVM's process id, its
     *                directory's name starts with both
     * @return its servers' processes, or none found (then {@link #read()} is empty)
     */
    public static ServerCpu of(ReplicationCluster cluster, String name) {
        String directory = "/" + name + "-" + ProcessHandle.current().pid() + "-";
        Map<String, Long> pids = new LinkedHashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String[] argv = commandLine(p);
                if (argv.length > 1 && (argv[0].endsWith("mariadbd") || argv[0].endsWith("mysqld"))) {
                    String line = String.join(" ", argv);
                    for (ClusterNode node : cluster.nodes()) {
                        if (line.contains(directory) && line.contains("/" + node.name() + "/")) {
                            pids.put(node.name(), Long.parseLong(p.getFileName().toString()));
                        }
                    }
                }
            });
        } catch (IOException e) {
            return new ServerCpu(Map.of());
        }
        return new ServerCpu(pids);
    }

    private static String[] commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
        } catch (IOException e) {
            return new String[0];
        }
    }

    /** @return per node name, nanoseconds its server has spent on a CPU so far */
    public Map<String, Long> read() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((node, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                // after the command name in parentheses: state is field 3, utime 14 and stime 15 (1-based)
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                cpu.put(node, ticks * NANOS_PER_TICK);
            } catch (IOException | RuntimeException e) {
                cpu.put(node, 0L);
            }
        });
        return cpu;
    }

    /** @return the node names whose server was found */
    public java.util.Set<String> nodes() {
        return pids.keySet();
    }
}
