package io.github.understudy.benchmarks.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM, seen from the launching one: commands go to its stdin, its replies are read from its stdout by a
 * reader thread, so that every wait for a reply is bounded. Its stderr (logs) goes to a file.
 */
final class ChildProcess implements AutoCloseable {

    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "fleet-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param command the JVM's command line
     * @param log     where its stderr goes
     * @return the running child
     */
    static ChildProcess start(List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            return new ChildProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + command, e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                replies.add(line);
            }
        } catch (IOException e) {
            // the child died: the EOF below says so
        }
        replies.add(EOF);
    }

    /**
     * Sends a command and waits for its one-line reply.
     *
     * @return the reply
     */
    String request(String command, Duration timeout) {
        send(command);
        return next(timeout);
    }

    /**
     * Sends a command and reads reply lines up to a line {@code END} (left out).
     *
     * @return the lines
     */
    List<String> requestLines(String command, Duration timeout) {
        send(command);
        List<String> lines = new ArrayList<>();
        for (String line = next(timeout); !line.equals("END"); line = next(timeout)) {
            lines.add(line);
        }
        return lines;
    }

    void send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("child " + process.pid() + " does not take commands any more"
                    + tail(), e);
        }
    }

    /** @return the next reply line, waiting up to {@code timeout} */
    String next(Duration timeout) {
        try {
            String line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("child " + process.pid() + " did not answer within " + timeout
                        + tail());
            }
            if (line.equals(EOF)) {
                replies.add(EOF);
                throw new IllegalStateException("child " + process.pid() + " ended" + tail());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @return the child's CPU time so far, null when the platform does not tell */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(null);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "; the end of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20),
                    lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Asks the child to close its instances and waits for it to exit; kills it if it does not. */
    @Override
    public void close() {
        try {
            if (process.isAlive() && !process.waitFor(1, TimeUnit.SECONDS)) {
                send("close");
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            // it is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * After {@code close} was sent: waits for the child's last reply.
     *
     * @return the threads of its instances left after closing them, -1 when it did not say
     */
    int closed(Duration timeout) {
        try {
            String reply = next(timeout);
            return reply.startsWith("CLOSED\t") ? Integer.parseInt(reply.substring(7)) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
