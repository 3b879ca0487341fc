package io.github.understudy.benchmarks.fleet;

import java.util.Arrays;
import java.util.Locale;

/** What happens to the master while a fleet runs. */
enum FleetFault {
    /** SIGKILL: the master dies at once. */
    MASTER_KILL,
    /** SIGSTOP: the master hangs; resumed once every instance has followed the new master. */
    MASTER_HANG,
    /** A planned switchover to the first replica, run by one instance. */
    SWITCHOVER;

    /** @return the name used in options and reports, e.g. {@code master-kill} */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static FleetFault of(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("fault must be one of master-kill, master-hang, switchover, but was "
                        + label));
    }
}
