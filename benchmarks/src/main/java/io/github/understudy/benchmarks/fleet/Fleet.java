package io.github.understudy.benchmarks.fleet;

import io.github.understudy.benchmarks.support.ClusterAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The application instances of one episode, spread over child JVMs started on the benchmark's own class path:
 * {@code size} instances over {@code min(jvms, size)} JVMs, as even as can be. Each child starts its instances one
 * after the other; the children start together.
 */
final class Fleet implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private final List<ChildProcess> children = new ArrayList<>();
    private final int size;

    private Fleet(int size) {
        this.size = size;
    }

    /**
     * Starts the children and waits until every instance has started.
     *
     * @param healthy the instances' {@code healthyProbeInterval}
     * @param logs    where the children's logs go
     */
    static Fleet launch(ClusterAccess access, FleetSettings settings, int size, Duration healthy, Path logs) {
        Fleet fleet = new Fleet(size);
        try {
            int jvms = Math.min(settings.jvms(), size);
            int first = 0;
            for (int j = 0; j < jvms; j++) {
                int count = size / jvms + (j < size % jvms ? 1 : 0);
                fleet.children.add(ChildProcess.start(command(access, settings, j, count, first, healthy),
                        logs.resolve("child-" + j + ".log")));
                first += count;
            }
            long launched = System.nanoTime();
            for (ChildProcess child : fleet.children) {
                checkClock(child.next(START_TIMEOUT), launched);
            }
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private static List<String> command(ClusterAccess access, FleetSettings settings, int jvm, int count, int first,
                                        Duration healthy) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(settings.childJvmOptions());
        command.addAll(List.of("-D" + ClusterAccess.PROPERTY + "=" + access.encode(),
                "-cp", System.getProperty("java.class.path"), FleetChild.class.getName(),
                "--jvm=" + jvm, "--instances=" + count, "--first=" + first, "--poolSize=" + settings.poolSize(),
                "--minIdle=" + settings.minIdle(), "--healthyProbeInterval=" + healthy.toMillis() + "ms"));
        return command;
    }

    /**
     * The child read {@link System#nanoTime()} after this JVM started it and before it answered: the JVMs share the
     * machine's monotonic clock, so times recorded in different JVMs compare.
     */
    private static void checkClock(String ready, long launched) {
        String[] f = ready.split("\t");
        long childStart = Long.parseLong(f[1]);
        long now = System.nanoTime();
        if (!f[0].equals("READY") || childStart < launched || childStart > now) {
            throw new IllegalStateException("a child JVM's System.nanoTime() is not this JVM's clock (launched at "
                    + launched + ", child started at " + childStart + ", now " + now + "): times from different "
                    + "JVMs would not compare; reply was " + ready);
        }
    }

    int size() {
        return size;
    }

    List<ChildProcess> children() {
        return children;
    }

    /** @return where every instance sends writes now, "" for nowhere */
    List<String> targets() {
        List<String> targets = new ArrayList<>();
        for (ChildProcess child : children) {
            String reply = child.request("status", REPLY_TIMEOUT);
            targets.addAll(Arrays.asList(reply.substring("STATUS\t".length()).split(",", -1)));
        }
        return targets;
    }

    /**
     * @return the threads: {@code jvmAdded} (threads the instances added to their JVMs, per instance),
     *     {@code perInstance} (threads named for each instance), {@code names} (those of one instance)
     */
    Map<String, Object> threads() {
        List<Integer> perInstance = new ArrayList<>();
        int added = 0;
        String names = "";
        for (ChildProcess child : children) {
            String[] f = child.request("threads", REPLY_TIMEOUT).split("\t", -1);
            added += Integer.parseInt(f[1]);
            Arrays.stream(f[2].split(",")).map(Integer::parseInt).forEach(perInstance::add);
            names = names.isEmpty() ? f[3] : names;
        }
        return Map.of("jvmAddedPerInstance", added / (double) size, "perInstance", perInstance,
                "names", List.of(names.split(";")));
    }

    /** Every instance starts writing {@code perSecond} writes a second. */
    void startLoad(int perSecond) {
        children.forEach(child -> child.request("load " + perSecond, REPLY_TIMEOUT));
    }

    /** The first instance of the first child runs a switchover to {@code target}, in the background. */
    void switchover(String target) {
        children.get(0).request("switchover " + target, REPLY_TIMEOUT);
    }

    /** @return requests still running after waiting up to {@code wait} for them */
    int stopLoad(Duration wait) {
        int stuck = 0;
        for (ChildProcess child : children) {
            stuck += Integer.parseInt(child.request("stop " + wait.toSeconds(), wait.plus(REPLY_TIMEOUT))
                    .split("\t")[1]);
        }
        return stuck;
    }

    /** @return every child's report lines (events since {@code since}) */
    List<String> report(long since) {
        List<String> lines = new ArrayList<>();
        children.forEach(child -> lines.addAll(child.requestLines("report " + since, REPLY_TIMEOUT)));
        return lines;
    }

    /** @return the CPU time of every child so far, null when the platform does not tell */
    Duration cpu() {
        Duration total = Duration.ZERO;
        for (ChildProcess child : children) {
            Duration cpu = child.cpu();
            if (cpu == null) {
                return null;
            }
            total = total.plus(cpu);
        }
        return total;
    }

    /** @return the instances' threads left after they were closed, summed over the children (-1: unknown) */
    int closeAndCountLeft() {
        children.forEach(child -> child.send("close"));
        int left = 0;
        for (ChildProcess child : children) {
            int n = child.closed(REPLY_TIMEOUT);
            left = left < 0 || n < 0 ? -1 : left + n;
        }
        close();
        return left;
    }

    @Override
    public void close() {
        children.parallelStream().forEach(ChildProcess::close);
        children.clear();
    }
}
