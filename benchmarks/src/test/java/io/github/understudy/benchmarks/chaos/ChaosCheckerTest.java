package io.github.understudy.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.benchmarks.support.Request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChaosCheckerTest {

    private final List<Request> requests = new ArrayList<>();
    private final List<History.Change> promotions = new ArrayList<>();
    private final List<History.Change> fences = new ArrayList<>();
    private final Map<Long, Integer> onMaster = new HashMap<>();

    private void acknowledged(long id, int node, long start, long end) {
        requests.add(new Request(true, id, 0, start, end, true, node, ""));
    }

    private Verdict check(boolean semiSync) {
        return check(semiSync, new FinalState(List.of(1), 1, onMaster, Map.of(), List.of(), Map.of()));
    }

    private Verdict check(boolean semiSync, FinalState state) {
        return ChaosChecker.check(new History(0, requests, promotions, fences), state, semiSync);
    }

    @Test
    void aCleanFailoverIsCorrect() {
        acknowledged(1, 0, 10, 20);
        promotions.add(new History.Change(1, 100));
        acknowledged(2, 1, 110, 120);
        requests.add(new Request(true, 3, 0, 90, 130, false, 0, "08S01 CommunicationsException"));
        onMaster.putAll(Map.of(1L, 1, 2L, 1, 3L, 1));

        Verdict verdict = check(true);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.counts()).containsEntry("writes acknowledged", 2L).containsEntry("writes failed", 1L)
                .containsEntry("unacknowledged writes present", 1L).containsEntry("acknowledged writes lost", 0L);
    }

    @Test
    void withSemiSyncAMissingAcknowledgedWriteIsAViolation() {
        acknowledged(1, 0, 10, 20);
        acknowledged(2, 0, 30, 40);
        promotions.add(new History.Change(1, 100));
        onMaster.put(1L, 1);

        Verdict verdict = check(true);

        assertThat(verdict.violations()).singleElement().asString()
                .contains("1 acknowledged writes missing on the final master (semi-sync): "
                        + "[2 (instance 0, node 0, on nodes [])]");
        assertThat(verdict.lostWrites()).containsExactly(2L);
    }

    @Test
    void withAsyncReplicationALossIsListedNotAViolation() {
        acknowledged(1, 0, 10, 20);
        acknowledged(2, 0, 30, 40);
        promotions.add(new History.Change(1, 100));
        onMaster.put(1L, 1);

        Verdict verdict = check(false);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.lostWrites()).containsExactly(2L);
        assertThat(verdict.counts()).containsEntry("acknowledged writes lost", 1L);
    }

    @Test
    void aWriteAppliedTwiceIsAViolation() {
        acknowledged(1, 0, 10, 20);
        onMaster.put(1L, 2);

        assertThat(check(true, new FinalState(List.of(0), 0, onMaster, Map.of(), List.of(), Map.of())).violations())
                .singleElement().asString().contains("applied more than once", "[1]");
    }

    @Test
    void anOldMasterAcknowledgingAfterThePromotionWhatTheNewMasterLacksIsTwoWriters() {
        promotions.add(new History.Change(1, 100));
        acknowledged(7, 0, 50, 150);
        acknowledged(8, 1, 120, 130);
        onMaster.put(8L, 1);

        Verdict verdict = check(false);

        assertThat(verdict.violations()).singleElement().asString()
                .contains("two nodes writable through Understudy", "[7 (instance 0, node 0, started 0 ms",
                        "after the promotion of node 1, on nodes [])]");
    }

    @Test
    void aLateAcknowledgementOfAWriteTheNewMasterHasIsFine() {
        promotions.add(new History.Change(1, 100));
        acknowledged(7, 0, 50, 150);
        onMaster.put(7L, 1);

        Verdict verdict = check(true);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.counts()).containsEntry("acknowledged by a node after another was promoted, kept", 1L);
    }

    @Test
    void aWriteSentToAFencedNodeThatSucceedsIsAViolation() {
        promotions.add(new History.Change(1, 100));
        fences.add(new History.Change(0, 200));
        acknowledged(9, 0, 250, 260);
        onMaster.put(9L, 1);

        assertThat(check(true).violations()).singleElement().asString()
                .contains("writes sent after node 0 was fenced succeeded on it: [9]");
    }

    @Test
    void aFencedNodePromotedAgainMayTakeWrites() {
        promotions.add(new History.Change(1, 100));
        fences.add(new History.Change(0, 200));
        promotions.add(new History.Change(0, 300));
        acknowledged(9, 0, 350, 360);
        onMaster.put(9L, 1);

        assertThat(check(true, new FinalState(List.of(0), 0, onMaster, Map.of(), List.of(), Map.of())).violations())
                .isEmpty();
    }

    @Test
    void twoMastersLeakedThreadsAndSessionsAreViolations() {
        FinalState state = new FinalState(List.of(0, 1), -1, Map.of(), Map.of(0, Set.of(5L)),
                List.of("chaos1i0-monitor-1"), Map.of("n1 (application and admin users)", 3));

        assertThat(check(true, state).violations()).hasSize(3).anySatisfy(v -> assertThat(v)
                .contains("2 writable masters at the end")).anySatisfy(v -> assertThat(v)
                .contains("threads left after close: [chaos1i0-monitor-1]")).anySatisfy(v -> assertThat(v)
                .contains("3 sessions left after close: n1"));
    }

    @Test
    void theMasterOfATermIsTheLastPromotedBeforeIt() {
        promotions.add(new History.Change(2, 100));
        promotions.add(new History.Change(1, 200));
        History history = new History(0, requests, promotions, fences);

        assertThat(ChaosChecker.masterAt(history, 50)).isZero();
        assertThat(ChaosChecker.masterAt(history, 100)).isEqualTo(2);
        assertThat(ChaosChecker.masterAt(history, 250)).isEqualTo(1);
    }
}
