package io.github.understudy.internal;

import io.github.understudy.ReplicaCandidate;
import io.github.understudy.ReplicaSelector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts which candidates a selector picks. */
final class Picks {

    private Picks() {
    }

    static <C extends ReplicaCandidate> Map<C, Integer> count(ReplicaSelector selector, List<C> candidates, int picks) {
        Map<C, Integer> counts = new LinkedHashMap<>();
        candidates.forEach(c -> counts.put(c, 0));
        for (int i = 0; i < picks; i++) {
            counts.merge(selector.select(candidates), 1, Integer::sum);
        }
        return counts;
    }
}
