package io.github.understudy.examples.demo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The README's demo: an embedded replication cluster, an application writing and reading through Understudy,
 * one fault, and what happened, live, then a summary table. Run it with
 * {@code mvn -B -q -Pdemo -pl examples -am -DskipTests -DskipPublishable verify}, flags in {@code -Ddemo.args}.
 *
 * <p>Exit status: 0 when Understudy did what the fault called for, 1 when it did not (the summary says what
 * differed) or the demo itself failed, 2 for a wrong flag. Ctrl-C at any moment stops the load, Understudy and
 * every server; servers also die with the JVM if it is killed.
 */
public final class FailoverDemo {

    /** Where Understudy's and the test kit's log lines go, so that the terminal shows only the demo. */
    static final String LOG_FILE_PROPERTY = "demo.log";

    /** The status of a run stopped by Ctrl-C, as a shell reports it (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private FailoverDemo() {
    }

    /**
     * Runs the demo and exits with its status.
     *
     * @param args flags, see {@link DemoOptions#USAGE}
     */
    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "demo-logback.xml");
        }
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, System.getProperty("java.io.tmpdir") + "/understudy-demo.log");
        }
        int status = run(args, Terminal.rawOut(), System.err);
        if (status != INTERRUPTED) { // else the JVM is already exiting, on Ctrl-C
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.print(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            err.print(DemoOptions.USAGE);
            return 2;
        }
        boolean live = Terminal.attached() && !options.plain();
        return run(options, out, live).status();
    }

    /** The outcome of one run: its exit status, and its summary when it got that far. */
    record Result(int status, Summary summary) {
    }

    /**
     * Runs the demo with a shutdown hook that stops everything on Ctrl-C.
     *
     * @param live whether {@code out} is a terminal (progress redrawn in place, colours)
     */
    static Result run(DemoOptions options, PrintStream out, boolean live) {
        DemoRun run = new DemoRun(options, new LiveConsole(out, live, System.nanoTime()));
        Interruption interruption = new Interruption(run, Thread.currentThread(), out);
        Runtime.getRuntime().addShutdownHook(interruption);
        try {
            Summary summary = run.run();
            logFile().ifPresent(file -> out.println("Understudy's log: " + file));
            return new Result(summary.allExpected() ? 0 : 1, summary);
        } catch (RuntimeException | InterruptedException e) {
            if (interruption.happened()) {
                return new Result(INTERRUPTED, null);
            }
            out.println("demo failed: " + e);
            e.printStackTrace(out);
            return new Result(1, null);
        } finally {
            run.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(interruption);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook is running or has run
            }
        }
    }

    private static Optional<String> logFile() {
        return Optional.ofNullable(System.getProperty(LOG_FILE_PROPERTY));
    }

    /** The shutdown hook: Ctrl-C (or a kill) stops the load, Understudy and every server before the JVM exits. */
    private static final class Interruption extends Thread {
        private final DemoRun run;
        private final Thread demo;
        private final PrintStream out;
        private volatile boolean happened;

        Interruption(DemoRun run, Thread demo, PrintStream out) {
            super("demo-shutdown");
            this.run = run;
            this.demo = demo;
            this.out = out;
        }

        @Override
        public void run() {
            happened = true;
            run.console().close();
            out.println();
            out.println("interrupted: stopping the load, Understudy and every server");
            demo.interrupt(); // the demo's waits end at once, so that it injects no further fault
            run.stop();
        }

        boolean happened() {
            return happened;
        }
    }
}
