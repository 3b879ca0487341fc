package io.github.understudy.examples.demo;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the demo runs, from its command-line flags. Every flag has a default, so no flag at all runs the main
 * case: MariaDB, one master and two replicas, the master killed, the most advanced replica promoted.
 *
 * @param engine   {@code mariadb} or {@code mysql}
 * @param replicas how many replicas, 1 to 8
 * @param strategy the promotion strategy: {@code most-advanced-replica} or {@code none}
 * @param fault    what to break
 * @param writers  writer threads
 * @param readers  reader threads
 * @param warmUp   how long the load runs before the fault
 * @param settle   how long the load runs after the cluster has recovered
 * @param plain    whether to print plain periodic lines even on a terminal
 */
record DemoOptions(String engine, int replicas, String strategy, Fault fault, int writers, int readers,
                   Duration warmUp, Duration settle, boolean plain) {

    static final List<String> ENGINES = List.of("mariadb", "mysql");
    static final List<String> STRATEGIES = List.of("most-advanced-replica", "none");

    static final String USAGE = """
            Usage: FailoverDemo [flags]   (with Maven: -Ddemo.args="--fault=hang --replicas=3")
              --engine=mariadb|mysql        servers to run (default mariadb: MariaDB 11.4; mysql: MySQL 8.0.15)
              --replicas=N                  replicas besides the master, 1..8 (default 2)
              --strategy=NAME               most-advanced-replica (default) or none (no automatic failover)
              --fault=NAME                  kill (default): SIGKILL the master; hang: SIGSTOP it;
                                            partition: cut the application off it; replica-kill: SIGKILL a replica
              --writers=N --readers=N       load threads, 1..16 (default 2 writers, 4 readers)
              --plain                       plain periodic lines even on a terminal
              --help                        this text
            """;

    /** @return the defaults: MariaDB, 1 master + 2 replicas, kill the master, promote the most advanced replica */
    static DemoOptions defaults() {
        return new DemoOptions("mariadb", 2, "most-advanced-replica", Fault.KILL, 2, 4, Duration.ofSeconds(3),
                Duration.ofSeconds(3), false);
    }

    /**
     * Parses flags written {@code --name=value} (or {@code --name value}); blank arguments are ignored.
     *
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the flag, the rule and the value, e.g.
     *     {@code --replicas must be between 1 and 8, but was 9}
     */
    static DemoOptions parse(String... args) {
        DemoOptions options = defaults();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].trim();
            if (arg.isEmpty()) {
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': flags look like --fault=kill");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (name.equals("--plain")) {
                value = "true";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i].trim();
            } else {
                throw new IllegalArgumentException(name + " needs a value, e.g. " + name + "=" + example(name));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(name + " must be given once, but was given twice");
            }
            options = options.with(name, value);
        }
        return options;
    }

    private DemoOptions with(String name, String value) {
        return switch (name) {
            case "--engine" -> new DemoOptions(oneOf(name, ENGINES, value), replicas, strategy, fault, writers,
                    readers, warmUp, settle, plain);
            case "--replicas" -> new DemoOptions(engine, number(name, value, 1, 8), strategy, fault, writers, readers,
                    warmUp, settle, plain);
            case "--strategy" -> new DemoOptions(engine, replicas, oneOf(name, STRATEGIES, value), fault, writers,
                    readers, warmUp, settle, plain);
            case "--fault" -> new DemoOptions(engine, replicas, strategy, Fault.ofFlag(value), writers, readers,
                    warmUp, settle, plain);
            case "--writers" -> new DemoOptions(engine, replicas, strategy, fault, number(name, value, 1, 16),
                    readers, warmUp, settle, plain);
            case "--readers" -> new DemoOptions(engine, replicas, strategy, fault, writers,
                    number(name, value, 1, 16), warmUp, settle, plain);
            case "--plain" -> new DemoOptions(engine, replicas, strategy, fault, writers, readers, warmUp, settle,
                    bool(name, value));
            default -> throw new IllegalArgumentException("unknown flag " + name + "; the flags are --engine, "
                    + "--replicas, --strategy, --fault, --writers, --readers, --plain, --help");
        };
    }

    /** @return this with other durations (tests run shorter) */
    DemoOptions withDurations(Duration newWarmUp, Duration newSettle) {
        return new DemoOptions(engine, replicas, strategy, fault, writers, readers, newWarmUp, newSettle, plain);
    }

    /** @return whether the strategy promotes a replica by itself */
    boolean promotes() {
        return strategy.equals("most-advanced-replica");
    }

    private static String oneOf(String name, List<String> allowed, String value) {
        if (!allowed.contains(value)) {
            throw invalid(name, "one of " + allowed, value);
        }
        return value;
    }

    private static int number(String name, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name, "a whole number between " + min + " and " + max, value);
        }
        if (number < min || number > max) {
            throw invalid(name, "between " + min + " and " + max, value);
        }
        return number;
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "true or false (or no value)", value);
        };
    }

    private static String example(String name) {
        return switch (name) {
            case "--engine" -> "mysql";
            case "--strategy" -> "none";
            case "--fault" -> "hang";
            default -> "2";
        };
    }

    /** @return an error in the one shape every flag uses: {@code <flag> must be <rule>, but was '<value>'} */
    static IllegalArgumentException invalid(String flag, String rule, String value) {
        return new IllegalArgumentException(flag + " must be " + rule + ", but was '" + value + "'");
    }
}
