package io.github.understudy.examples.demo;

/**
 * One request of the load generator and how it ended.
 *
 * @param write    a write (an INSERT) rather than a read
 * @param id       the row the request wrote or looked up
 * @param node     the node that served it (or that it was routed to before it failed); null when none
 * @param start    {@link System#nanoTime()} when it started
 * @param end      {@link System#nanoTime()} when it ended
 * @param sqlState null when it succeeded, else the SQLState it failed with ({@code "none"} when the driver gave none)
 * @param error    null when it succeeded, else the exception's type, e.g. {@code NoAvailableNodeException}
 */
record Outcome(boolean write, long id, String node, long start, long end, String sqlState, String error) {

    /** @return whether the request succeeded */
    boolean ok() {
        return sqlState == null;
    }
}
