package io.github.understudy.benchmarks.chaos;

import java.util.List;
import java.util.Map;

/**
 * What the checker concluded about one segment.
 *
 * @param violations every broken rule, each with the evidence (empty when the segment is correct)
 * @param lostWrites acknowledged writes missing on the final master, allowed only with asynchronous replication
 *                   (and then listed here, never silently)
 * @param counts     what was checked: acknowledged writes, failures, rows, late acknowledgements, ...
 */
public record Verdict(List<String> violations, List<Long> lostWrites, Map<String, Long> counts) {

    /** @return whether no rule was broken */
    public boolean correct() {
        return violations.isEmpty();
    }
}
