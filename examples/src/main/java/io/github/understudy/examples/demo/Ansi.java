package io.github.understudy.examples.demo;

/** ANSI colours, or nothing at all when the output is not a terminal (CI logs, files). */
final class Ansi {

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String red(String text) {
        return paint("31", text);
    }

    String green(String text) {
        return paint("32", text);
    }

    String yellow(String text) {
        return paint("33", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    /** @return the sequence that moves to the start of the line and clears it, or "" */
    String clearLine() {
        return enabled ? "\r\033[2K" : "";
    }

    private String paint(String code, String text) {
        return enabled ? "\033[" + code + "m" + text + "\033[0m" : text;
    }
}
