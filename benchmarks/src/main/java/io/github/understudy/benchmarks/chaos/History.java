package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.support.Request;

import java.util.List;

/**
 * What the applications saw during one segment of a chaos run: every request (writes carry their unique id and
 * the node that acknowledged them), every promotion and every fencing, with {@link System#nanoTime()} times.
 *
 * @param initialMaster the index of the master when the segment began
 * @param requests      every request of every instance
 * @param promotions    every promotion reported by any instance, in time order
 * @param fences        every fencing reported by any instance, in time order
 */
public record History(int initialMaster, List<Request> requests, List<Change> promotions, List<Change> fences) {

    /**
     * A node promoted or fenced.
     *
     * @param node  its index
     * @param nanos when an instance reported it
     */
    public record Change(int node, long nanos) {
    }
}
