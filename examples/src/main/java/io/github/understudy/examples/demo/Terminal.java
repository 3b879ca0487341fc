package io.github.understudy.examples.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

/** The terminal the demo runs in, if any. */
final class Terminal {

    private static final int DEFAULT_WIDTH = 120;

    private Terminal() {
    }

    /** @return whether standard input and output are a terminal (not a pipe, a file or a CI log) */
    static boolean attached() {
        return System.console() != null;
    }

    /**
     * Standard output without the wrapper Maven puts around {@link System#out}: in batch mode ({@code -B}) that
     * wrapper strips ANSI sequences, and the in-place progress line needs its clear-line sequence.
     *
     * @return a stream onto file descriptor 1
     */
    static PrintStream rawOut() {
        return new PrintStream(new FileOutputStream(FileDescriptor.out), true, Charset.defaultCharset());
    }

    /**
     * The terminal's width in columns: {@code $COLUMNS} when exported, else what {@code stty size} says about
     * {@code /dev/tty}, else 120. A progress line longer than this would wrap, and {@code \r} would then redraw
     * only its last row.
     *
     * @return the width
     */
    static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        try {
            Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
            String[] size = new String(stty.getInputStream().readAllBytes(), Charset.defaultCharset()).trim()
                    .split(" ");
            if (stty.waitFor(2, TimeUnit.SECONDS) && size.length == 2 && size[1].matches("\\d{2,4}")) {
                return Integer.parseInt(size[1]);
            }
        } catch (IOException e) {
            return DEFAULT_WIDTH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_WIDTH;
    }
}
