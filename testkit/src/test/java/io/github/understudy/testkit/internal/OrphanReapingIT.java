package io.github.understudy.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL must not leave servers behind. */
class OrphanReapingIT {

    @TempDir
    Path work;

    private Process probe;

    @AfterEach
    void killProbe() {
        if (probe != null) {
            probe.destroyForcibly();
        }
    }

    @Test
    void serversDieWithTheJvmThatStartedThemEvenOnSigkill() throws Exception {
        ProcessHandle server = startProbe();

        probe.destroyForcibly();

        await().atMost(Duration.ofSeconds(15)).until(() -> !server.isAlive());
    }

    @Test
    void serversWhoseWatchdogDiedTooAreReapedByTheNextRun() throws Exception {
        ProcessHandle server = startProbe();
        ProcessHandle watchdog = server.parent().orElseThrow();

        watchdog.destroyForcibly();
        probe.destroyForcibly();
        probe.waitFor();
        await().atMost(Duration.ofSeconds(5)).until(() -> !watchdog.isAlive());
        assertThat(server.isAlive()).as("an orphan, as after a kill -9 of the whole process group").isTrue();

        assertThat(ProcessRegistry.reapNow()).isGreaterThanOrEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !server.isAlive());
    }

    private ProcessHandle startProbe() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        probe = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                OrphanProbe.class.getName(), work.toString())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // startup logging
        }
        assertThat(line).as("the probe JVM started a cluster").isNotNull();
        Path pidFile;
        try (Stream<Path> files = Files.walk(work)) {
            pidFile = files.filter(p -> p.getFileName().toString().equals("mysqld.pid")).findFirst().orElseThrow();
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }
}
