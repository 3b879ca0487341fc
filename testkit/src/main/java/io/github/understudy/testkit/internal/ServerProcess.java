package io.github.understudy.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running server process, started behind a small shell watchdog that holds our stdin pipe: when this JVM
 * dies, even from {@code kill -9}, the pipe closes and the watchdog kills the server. The server's pid is also
 * recorded in the {@link ProcessRegistry} so a later JVM can reap it if the watchdog itself was killed.
 */
public final class ServerProcess {

    private static final String WATCHDOG = "\"$@\" </dev/null >>\"$US_LOG\" 2>&1 & P=$!; echo $P > \"$US_PID\"; "
            + "while read -r _; do :; done; kill -CONT $P 2>/dev/null; kill -9 $P 2>/dev/null";

    private final Process watchdog;
    private final ProcessHandle server;
    private final Path errorLog;

    private ServerProcess(Process watchdog, ProcessHandle server, Path errorLog) {
        this.watchdog = watchdog;
        this.server = server;
        this.errorLog = errorLog;
    }

    /** Starts {@code command}; its output is appended to {@code stdoutLog}, {@code errorLog} is the server's own. */
    public static ServerProcess start(List<String> command, Path stdoutLog, Path errorLog) {
        Path pidFile = stdoutLog.resolveSibling("watchdog.pid");
        try {
            Files.deleteIfExists(pidFile);
            List<String> argv = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "understudy-watchdog"));
            argv.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutLog.resolveSibling("watchdog.log").toFile()));
            builder.environment().put("US_LOG", stdoutLog.toString());
            builder.environment().put("US_PID", pidFile.toString());
            Process watchdog = builder.start();
            long pid = awaitPid(pidFile, watchdog);
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                    "server process " + pid + " exited at once; see " + errorLog + " and " + stdoutLog));
            ProcessRegistry.register(pid, stdoutLog.getParent());
            return new ServerProcess(watchdog, server, errorLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private static long awaitPid(Path pidFile, Process watchdog) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(pidFile)) {
                String text = Files.readString(pidFile).trim();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            if (!watchdog.isAlive()) {
                break;
            }
            sleep(5);
        }
        watchdog.destroyForcibly();
        throw new IllegalStateException("the server watchdog did not report a pid within 10 s");
    }

    public long pid() {
        return server.pid();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    public Path errorLog() {
        return errorLog;
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        signal("CONT");
        server.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
        release();
    }

    /** SIGTERM (after SIGCONT, in case it is paused), then SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        signal("CONT");
        server.destroy();
        if (!awaitExit(grace)) {
            server.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
        release();
    }

    /** Sends a signal by name (STOP, CONT, ...) through {@code kill}, as Java has no API for these. */
    public void signal(String name) {
        if (!server.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(server.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + name + " to " + server.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            server.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !server.isAlive();
        }
    }

    private void release() {
        try {
            watchdog.getOutputStream().close();
            watchdog.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the watchdog is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.destroyForcibly();
        ProcessRegistry.unregister(server.pid());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
