package io.github.understudy.benchmarks.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster and the JVM after a segment, once every fault was healed and the instances closed.
 *
 * @param masters          the indexes of the nodes the servers report as masters (writable, replicating from no one)
 * @param finalMaster      the single master, or -1 when there is not exactly one
 * @param rowsOnMaster     per write id, how many rows the final master holds
 * @param rowsElsewhere    per other running node, the write ids it holds that the final master lacks
 * @param threadsLeft      threads of the closed instances and loads still alive
 * @param connectionsLeft  per node, sessions of the application and admin users still open
 */
public record FinalState(List<Integer> masters, int finalMaster, Map<Long, Integer> rowsOnMaster,
                         Map<Integer, Set<Long>> rowsElsewhere, List<String> threadsLeft,
                         Map<String, Integer> connectionsLeft) {
}
