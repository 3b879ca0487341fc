package io.github.understudy.examples.demo;

import java.util.Arrays;
import java.util.List;

/** The fault the demo injects, by its flag value ({@code --fault=kill}). */
enum Fault {

    /** SIGKILL the master, as in a crash or an OOM kill. */
    KILL("kill", "kill the master (SIGKILL)"),

    /** SIGSTOP the master: TCP connects still succeed but nothing answers, so only timeouts reveal it. */
    HANG("hang", "hang the master (SIGSTOP)"),

    /**
     * Cut the application off the master while replication still flows: Understudy must diagnose
     * UNREACHABLE_MASTER and not fail over, because the master is alive.
     */
    PARTITION("partition", "cut the application off the master (replication still flows)"),

    /** SIGKILL one replica: reads move to the other replicas (or the master) without failing. */
    REPLICA_KILL("replica-kill", "kill a replica (SIGKILL)");

    private final String flag;
    private final String description;

    Fault(String flag, String description) {
        this.flag = flag;
        this.description = description;
    }

    /** @return the value of {@code --fault} that selects it */
    String flag() {
        return flag;
    }

    /** @return what is done, for the terminal */
    String description() {
        return description;
    }

    /** @return whether the fault hits the master's server itself (not only the network to it) */
    boolean killsOrHangsMaster() {
        return this == KILL || this == HANG;
    }

    /** @return every flag value */
    static List<String> flags() {
        return Arrays.stream(values()).map(Fault::flag).toList();
    }

    /**
     * @param flag a value of {@code --fault}
     * @return the fault
     * @throws IllegalArgumentException naming the flag, the allowed values and the value given
     */
    static Fault ofFlag(String flag) {
        return Arrays.stream(values()).filter(f -> f.flag.equals(flag)).findFirst().orElseThrow(
                () -> DemoOptions.invalid("--fault", "one of " + flags(), flag));
    }
}
