package io.github.understudy.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The README's demo, default flags (MariaDB, 1+2, kill the master), run in-process with shorter load phases. */
class FailoverDemoIT {

    @Test
    void theMasterIsKilledAReplicaPromotedAndEveryServerStopped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        DemoOptions options = DemoOptions.defaults().withDurations(Duration.ofSeconds(2), Duration.ofSeconds(1));

        FailoverDemo.Result result = FailoverDemo.run(options, out, false);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(result.status()).as(printed).isZero();
        Summary summary = result.summary();
        assertThat(summary.promotedNode()).isIn("n2", "n3");
        assertThat(summary.checks()).allMatch(Check::met);
        assertThat(summary.writes()).isPositive();
        assertThat(summary.failedReads()).as("reads never stop during a failover").isZero();
        assertThat(printed).contains("MasterFailureDiagnosed: master n1 DEAD_MASTER", "MasterPromoted:",
                "ReplicasRepointed:", "NodeFenced: n1", "write-unavailability window", "acknowledged writes lost",
                "stopped Understudy and the 3 servers of this demo");
        assertThat(printed).doesNotContain("\r", "\033[");
        await().atMost(Duration.ofSeconds(10)).until(() -> serversOfThisJvm().isEmpty());
    }

    /** The demo's clusters live under {@code demo-<pid>-<n>}: a server still running has it on its command line. */
    private static List<String> serversOfThisJvm() {
        String marker = "/demo-" + ProcessHandle.current().pid() + "-";
        return ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(marker))
                .toList();
    }
}
