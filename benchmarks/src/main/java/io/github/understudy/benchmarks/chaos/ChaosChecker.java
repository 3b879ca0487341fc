package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.support.Request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The correctness rules of a chaos segment, checked on what the applications saw ({@link History}) and what the
 * servers hold at the end ({@link FinalState}):
 * <ul>
 *   <li>exactly one writable master at the end;</li>
 *   <li>no write applied twice (each write has a unique id; the table's key is an auto-increment);</li>
 *   <li>every acknowledged write is on the final master: a violation with semi-sync, a listed loss without;</li>
 *   <li>never two nodes writable through Understudy: no acknowledged write that the final master lacks came
 *       from a node after another node had been promoted;</li>
 *   <li>no write landed on a fenced node: no write sent after a node was fenced succeeded on it (unless it was
 *       promoted again in between);</li>
 *   <li>no thread or connection of the closed DataSources left.</li>
 * </ul>
 */
public final class ChaosChecker {

    private static final int LISTED = 20;

    private ChaosChecker() {
    }

    /**
     * @param history  what the applications saw
     * @param state    the end state
     * @param semiSync whether replication was semi-synchronous
     * @return the verdict
     */
    public static Verdict check(History history, FinalState state, boolean semiSync) {
        List<String> violations = new ArrayList<>();
        Map<String, Long> counts = counts(history);
        if (state.masters().size() != 1) {
            violations.add(state.masters().size() + " writable masters at the end (nodes " + state.masters()
                    + "), expected exactly one");
        }
        List<Long> lost = new ArrayList<>();
        if (state.finalMaster() >= 0) {
            rows(history, state, semiSync, violations, lost, counts);
        }
        fenced(history, violations);
        if (!state.threadsLeft().isEmpty()) {
            violations.add("threads left after close: " + state.threadsLeft());
        }
        state.connectionsLeft().forEach((where, count) -> {
            if (count > 0) {
                violations.add(count + " sessions left after close: " + where);
            }
        });
        return new Verdict(violations, lost, counts);
    }

    private static Map<String, Long> counts(History history) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("writes acknowledged", history.requests().stream().filter(r -> r.write() && r.ok()).count());
        counts.put("writes failed", history.requests().stream().filter(r -> r.write() && !r.ok()).count());
        counts.put("reads succeeded", history.requests().stream().filter(r -> !r.write() && r.ok()).count());
        counts.put("reads failed", history.requests().stream().filter(r -> !r.write() && !r.ok()).count());
        counts.put("promotions", (long) history.promotions().size());
        counts.put("fencings", (long) history.fences().size());
        return counts;
    }

    private static void rows(History history, FinalState state, boolean semiSync, List<String> violations,
                             List<Long> lost, Map<String, Long> counts) {
        List<Long> twice = state.rowsOnMaster().entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        if (!twice.isEmpty()) {
            violations.add(twice.size() + " writes applied more than once on the final master: " + listed(twice));
        }
        List<Long> splitBrain = new ArrayList<>();
        long lateButKept = classify(history, state, splitBrain, lost);
        if (!splitBrain.isEmpty()) {
            violations.add("two nodes writable through Understudy: " + splitBrain.size() + " acknowledged writes "
                    + "came from a node after another was promoted, and the final master lacks them: "
                    + described(history, state, splitBrain));
        }
        if (semiSync && !lost.isEmpty()) {
            violations.add(lost.size() + " acknowledged writes missing on the final master (semi-sync): "
                    + described(history, state, lost));
        }
        long acknowledged = counts.get("writes acknowledged");
        counts.put("acknowledged writes lost", (long) lost.size());
        counts.put("acknowledged by a node after another was promoted, kept", lateButKept);
        counts.put("unacknowledged writes present", state.rowsOnMaster().size() - (acknowledged - lost.size()
                - splitBrain.size()));
        counts.put("rows only on other nodes", (long) state.rowsElsewhere().values().stream().mapToInt(s -> s.size())
                .sum());
    }

    /**
     * Sorts the acknowledged writes the final master lacks: from a node after another was promoted (two writers),
     * or lost. Returns how many writes came from a node after another was promoted but are kept.
     */
    private static long classify(History history, FinalState state, List<Long> splitBrain, List<Long> lost) {
        long lateButKept = 0;
        for (Request write : history.requests()) {
            if (!write.write() || !write.ok()) {
                continue;
            }
            boolean late = write.node() != masterAt(history, write.end());
            if (state.rowsOnMaster().containsKey(write.id())) {
                lateButKept += late ? 1 : 0;
            } else if (late) {
                splitBrain.add(write.id());
            } else {
                lost.add(write.id());
            }
        }
        return lateButKept;
    }

    private static void fenced(History history, List<String> violations) {
        for (History.Change fence : history.fences()) {
            List<Long> landed = history.requests().stream()
                    .filter(r -> r.write() && r.ok() && r.node() == fence.node() && r.start() > fence.nanos())
                    // A write may wait for a master (masterWaitTimeout): it reached the node some time before it
                    // ended, so a promotion of that node before its end excuses it.
                    .filter(r -> history.promotions().stream().noneMatch(p -> p.node() == fence.node()
                            && p.nanos() > fence.nanos() && p.nanos() <= r.end()))
                    .map(Request::id).toList();
            if (!landed.isEmpty()) {
                violations.add(landed.size() + " writes sent after node " + fence.node() + " was fenced succeeded on "
                        + "it: " + listed(landed));
            }
        }
    }

    /** The node of the last promotion at or before {@code nanos}, or the initial master. */
    static int masterAt(History history, long nanos) {
        int master = history.initialMaster();
        for (History.Change promotion : history.promotions()) {
            if (promotion.nanos() <= nanos) {
                master = promotion.node();
            }
        }
        return master;
    }

    /**
     * The writes, each with what tells how it came about: its instance, the node that acknowledged it, when it
     * started and ended against the promotion before its end, and which nodes hold it.
     */
    private static String described(History history, FinalState state, List<Long> ids) {
        List<String> described = new ArrayList<>();
        for (Request write : history.requests()) {
            if (write.write() && ids.contains(write.id()) && described.size() < LISTED) {
                described.add(write.id() + " (instance " + write.instance() + ", node " + write.node()
                        + since(history, write) + ", on nodes " + holders(state, write.id()) + ")");
            }
        }
        return ids.size() <= LISTED ? described.toString() : described + " and " + (ids.size() - LISTED) + " more";
    }

    private static String since(History history, Request write) {
        History.Change last = null;
        for (History.Change promotion : history.promotions()) {
            if (promotion.nanos() <= write.end()) {
                last = promotion;
            }
        }
        return last == null ? "" : ", started " + (write.start() - last.nanos()) / 1_000_000 + " ms and ended "
                + (write.end() - last.nanos()) / 1_000_000 + " ms after the promotion of node " + last.node();
    }

    private static List<Integer> holders(FinalState state, long id) {
        List<Integer> holders = new ArrayList<>();
        state.rowsElsewhere().forEach((node, ids) -> {
            if (ids.contains(id)) {
                holders.add(node);
            }
        });
        return holders;
    }

    private static String listed(List<Long> ids) {
        return ids.size() <= LISTED ? ids.toString()
                : ids.subList(0, LISTED) + " and " + (ids.size() - LISTED) + " more";
    }
}
