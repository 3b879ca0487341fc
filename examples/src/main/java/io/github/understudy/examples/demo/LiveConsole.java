package io.github.understudy.examples.demo;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The terminal. On a terminal, one progress line is redrawn in place ({@code \r} and an ANSI clear-line) five
 * times a second, and narration and events are printed above it. Elsewhere (CI logs, a pipe) the progress is a
 * plain line once a second, and nothing is coloured.
 */
final class LiveConsole implements AutoCloseable {

    private final PrintStream out;
    private final boolean live;
    private final Ansi ansi;
    private final long startedAt;
    private final int width;
    private volatile IntFunction<String> status;
    private ScheduledExecutorService ticker;
    private boolean statusShown;
    private boolean closed;

    /**
     * @param out       where to print
     * @param live      whether {@code out} is a terminal that understands {@code \r} and ANSI sequences
     * @param startedAt {@link System#nanoTime()} that the time prefix counts from
     */
    LiveConsole(PrintStream out, boolean live, long startedAt) {
        this.out = out;
        this.live = live;
        this.ansi = new Ansi(live);
        this.startedAt = startedAt;
        this.width = live ? Terminal.width() : Integer.MAX_VALUE;
    }

    Ansi ansi() {
        return ansi;
    }

    /** @return the terminal's width, or {@link Integer#MAX_VALUE} when the output is not a terminal */
    int width() {
        return width;
    }

    /** Prints a line with the time since the start, above the progress line; nothing once closed. */
    synchronized void line(String text) {
        if (closed) {
            return;
        }
        clearStatus();
        out.println(ansi.dim(time()) + " " + text);
        redrawStatus();
    }

    /** Prints text as it is (the summary), above nothing: call it once the progress has stopped. */
    synchronized void raw(String text) {
        clearStatus();
        out.println(text);
    }

    /**
     * Starts showing a progress line: redrawn in place on a terminal, printed once a second elsewhere.
     *
     * @param line makes the line, given the most characters it may take
     */
    synchronized void showProgress(IntFunction<String> line) {
        this.status = line;
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-console");
            thread.setDaemon(true);
            return thread;
        });
        long period = live ? 200 : 1000;
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        if (status == null) {
            return;
        }
        String text = ansi.dim(time()) + " " + statusText();
        if (live) {
            out.print(ansi.clearLine() + text);
            statusShown = true;
        } else {
            out.println(text);
        }
        out.flush();
    }

    private void clearStatus() {
        if (live && statusShown) {
            out.print(ansi.clearLine());
            statusShown = false;
        }
    }

    private void redrawStatus() {
        if (live && status != null) {
            out.print(ansi.dim(time()) + " " + statusText());
            statusShown = true;
        }
        out.flush();
    }

    private String statusText() {
        return status.apply(width == Integer.MAX_VALUE ? width : width - time().length() - 2);
    }

    private String time() {
        return String.format("[%6.2fs]", (System.nanoTime() - startedAt) / 1e9);
    }

    /** Stops the progress line and the event lines, and leaves the cursor on a fresh line. */
    @Override
    public synchronized void close() {
        closed = true;
        status = null;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        clearStatus();
        out.flush();
    }
}
