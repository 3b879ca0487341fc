package io.github.understudy.benchmarks.fleet;

import io.github.understudy.PoolSettings;
import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.Threads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The main class of a child JVM of the fleet benchmark: hosts some application instances ({@link ChildInstances})
 * and answers the launching JVM's commands, one line in (stdin), a reply out (stdout). Its logs go to stderr, which
 * the launcher sends to a file. It closes everything and exits when stdin ends: a launcher that died takes its
 * children with it.
 */
public final class FleetChild {

    static final Set<String> OPTIONS = Set.of("jvm", "instances", "first", "poolSize", "minIdle",
            "healthyProbeInterval");

    private FleetChild() {
    }

    /**
     * @param args {@code --key=value}: {@link #OPTIONS}; the cluster comes in {@link ClusterAccess#PROPERTY}
     * @throws IOException when stdin cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream replies = System.out;
        System.setOut(System.err); // logging must not mix with the replies
        long started = System.nanoTime();
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        int threadsBefore = Thread.activeCount();
        PoolSettings pool = PoolSettings.builder().maximumPoolSize(options.integer("poolSize", 2))
                .minimumIdle(options.integer("minIdle", 1)).build();
        ChildInstances instances = new ChildInstances(ClusterAccess.fromSystemProperty(), options.integer("jvm", 0),
                options.integer("instances", 1), options.integer("first", 0), pool,
                options.duration("healthyProbeInterval", Duration.ofMillis(500)));
        replies.println("READY\t" + started + "\t" + threadsBefore);
        replies.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            String[] command = line.split(" ", 2);
            if ("close".equals(command[0])) {
                break;
            }
            answer(command, instances, threadsBefore).forEach(replies::println);
            replies.flush();
        }
        List<String> prefixes = instances.threadPrefixes();
        instances.close();
        replies.println("CLOSED\t" + Threads.awaitGone(prefixes, Duration.ofSeconds(10)).size());
        replies.flush();
        System.exit(0);
    }

    private static List<String> answer(String[] command, ChildInstances instances, int threadsBefore) {
        return switch (command[0]) {
            case "threads" -> List.of(String.join("\t", "T", Integer.toString(Thread.activeCount() - threadsBefore),
                    instances.threadCounts().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    String.join(";", instances.firstInstanceThreads())));
            case "load" -> {
                instances.startLoad(Integer.parseInt(command[1]));
                yield List.of("OK");
            }
            case "status" -> List.of("STATUS\t" + String.join(",", instances.targets()));
            case "switchover" -> {
                instances.switchover(command[1]);
                yield List.of("OK");
            }
            case "stop" -> List.of("OK\t" + instances.stopLoad(Duration.ofSeconds(Long.parseLong(command[1]))));
            case "report" -> {
                List<String> lines = new java.util.ArrayList<>(instances.report(Long.parseLong(command[1])));
                lines.add("END");
                yield lines;
            }
            default -> List.of("ERROR\tunknown command " + command[0]);
        };
    }
}
