package io.github.understudy.examples.demo;

/**
 * One thing the demo expects of the fault it injected, and whether it happened.
 *
 * @param expectation what should happen, e.g. {@code "a replica is promoted"}
 * @param met         whether it did
 * @param detail      what was seen
 */
record Check(String expectation, boolean met, String detail) {
}
