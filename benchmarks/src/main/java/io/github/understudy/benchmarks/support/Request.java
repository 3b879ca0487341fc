package io.github.understudy.benchmarks.support;

/**
 * One request of a load, as recorded when it ended.
 *
 * @param write   a write (an insert) rather than a read
 * @param id      the write's request id (unique in a run), 0 for reads
 * @param instance which DataSource it went through (0, 1, ...)
 * @param start   {@link System#nanoTime()} when it began
 * @param end     {@link System#nanoTime()} when it ended
 * @param ok      whether it succeeded: for a write, whether the server acknowledged it
 * @param node    the index of the node that served it (the last one routed to), -1 when none was
 * @param error   SQLState and exception type ("unchecked" and the type for others) when it threw, "" otherwise
 */
public record Request(boolean write, long id, int instance, long start, long end, boolean ok, int node,
                      String error) {

    /** @return how long it took, in milliseconds */
    public double millis() {
        return (end - start) / 1e6;
    }
}
