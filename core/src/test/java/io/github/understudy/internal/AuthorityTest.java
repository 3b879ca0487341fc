package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.internal.Authority.Verdict;
import io.github.understudy.internal.Authority.View;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Who the master is after restarts: the epoch record, not read_only. */
class AuthorityTest {

    private static final HostAndPort N1 = HostAndPort.parse("db1:3306");
    private static final HostAndPort N2 = HostAndPort.parse("db2:3306");
    private static final HostAndPort N3 = HostAndPort.parse("db3:3306");

    @Test
    void aColdRestartAfterAFailoverRestoresThePromotedNodeAndFencesTheOldMaster() {
        // Issue 20: n1 comes back writable (its my.cnf), n2 (epoch 1's master) read-only, n3 replicates from n2.
        List<View> views = List.of(master(N1, 1, "0-1-132", EpochStore.Epoch.NONE),
                orphan(N2, 2, "0-2-395", epoch(1, 2)), replica(N3, 3, 2, "0-2-395", epoch(1, 2)));

        Verdict verdict = Authority.decide(views, 0, null, true);

        assertThat(verdict).isEqualTo(new Verdict.Restore(N2, 1, "it is the master of epoch 1 and came back read-only"));
        assertThat(Authority.toFence(views, verdict)).containsExactly(N1);
    }

    @Test
    void aWritableReplicaIsFencedToo() {
        // A MariaDB old master that rejoined comes back from a restart a writable replica (its my.cnf).
        View writableReplica = new View(N1, true, 1, true, true, 2, "0-2-5", epoch(1, 2));
        List<View> views = List.of(master(N2, 2, "0-2-5", epoch(1, 2)), writableReplica);

        assertThat(Authority.toFence(views, Authority.decide(views, 1, N2, true))).containsExactly(N1);
    }

    @Test
    void theRecordedMasterIsFollowedWhenWritableAndWhenDown() {
        assertThat(Authority.decide(List.of(master(N2, 2, "0-2-5", epoch(3, 2)), master(N1, 1, "0-1-9", epoch(2, 1))),
                2, N1, true)).isEqualTo(new Verdict.Follow(N2, 3));
        View down = new View(N2, false, 2, false, false, 0, "0-2-5", epoch(3, 2));
        assertThat(Authority.decide(List.of(down, replica(N3, 3, 2, "0-2-5", epoch(3, 2))), 3, N2, true))
                .isEqualTo(new Verdict.Follow(N2, 3));
    }

    @Test
    void aRestoredMasterMustHoldWhatItsTermsNodesHold() {
        // n2 lost its last transactions in a crash; its replica n3 has them.
        List<View> views = List.of(orphan(N2, 2, "0-2-390", epoch(1, 2)), replica(N3, 3, 2, "0-2-395", epoch(1, 2)));

        Verdict verdict = Authority.decide(views, 1, N2, true);

        assertThat(verdict).isInstanceOf(Verdict.Refuse.class);
        assertThat(((Verdict.Refuse) verdict).why()).contains("db3:3306 has 0-2-395");
        assertThat(Authority.toFence(views, verdict)).isEmpty();
    }

    @Test
    void anOldMastersErrantWritesDoNotBlockTheRestore() {
        // n1 has writes of its own term nobody else got; it is not of epoch 1's term.
        List<View> views = List.of(orphan(N1, 1, "0-1-500", epoch(0, 0)), orphan(N2, 2, "0-2-400", epoch(1, 2)));

        assertThat(Authority.decide(views, 0, null, true)).isInstanceOf(Verdict.Restore.class);
    }

    @Test
    void twoMastersOfOneTermRefuseWrites() {
        Verdict verdict = Authority.decide(List.of(master(N1, 1, "0-1-5", epoch(4, 1)),
                master(N2, 2, "0-2-5", epoch(4, 2))), 3, N1, true);

        assertThat(verdict).isInstanceOf(Verdict.Refuse.class);
        assertThat(((Verdict.Refuse) verdict).why()).contains("epoch 4 names more than one master");
    }

    @Test
    void beforeAnyPromotionTheSingleWritableNodeIsTheMasterUnlessItHasNoData() {
        assertThat(Authority.decide(List.of(master(N1, 1, "0-1-5", EpochStore.Epoch.NONE),
                replica(N2, 2, 1, "0-1-5", EpochStore.Epoch.NONE)), 0, null, true))
                .isEqualTo(new Verdict.Follow(N1, 0));
        Verdict empty = Authority.decide(List.of(master(N1, 1, "", EpochStore.Epoch.NONE),
                orphan(N2, 2, "0-1-5", EpochStore.Epoch.NONE)), 0, null, true);
        assertThat(empty).isInstanceOf(Verdict.Refuse.class);
        assertThat(((Verdict.Refuse) empty).why()).contains("holds no transaction");
        assertThat(Authority.decide(List.of(master(N1, 1, "0-1-5", EpochStore.Epoch.NONE),
                master(N2, 2, "0-1-5", EpochStore.Epoch.NONE)), 0, null, true)).isInstanceOf(Verdict.Refuse.class);
    }

    @Test
    void beforeAnyPromotionTheReadOnlyNodeTheReplicasReplicateFromIsMadeWritable() {
        // The README's advice: read_only=ON in every node's my.cnf; Understudy makes the master writable.
        List<View> views = List.of(orphan(N1, 1, "0-1-5", EpochStore.Epoch.NONE),
                replica(N2, 2, 1, "0-1-5", EpochStore.Epoch.NONE), replica(N3, 3, 1, "0-1-4", null));

        assertThat(Authority.decide(views, 0, null, true)).isInstanceOf(Verdict.Restore.class);
        assertThat(Authority.decide(List.of(orphan(N1, 1, "0-1-5", null), orphan(N2, 2, "0-1-5", null)), 0, null,
                true)).isEqualTo(new Verdict.None());
    }

    @Test
    void mysqlComparesGtidSets() {
        String uuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        List<View> views = List.of(orphan(N2, 2, uuid + ":1-10", epoch(1, 2)),
                replica(N3, 3, 2, uuid + ":1-11", epoch(1, 2)));

        assertThat(Authority.decide(views, 1, N2, false)).isInstanceOf(Verdict.Refuse.class);
    }

    private static EpochStore.Epoch epoch(long number, long serverId) {
        return new EpochStore.Epoch(number, serverId, "");
    }

    private static View master(HostAndPort node, long serverId, String executed, EpochStore.Epoch epoch) {
        return new View(node, true, serverId, true, false, 0, executed, epoch);
    }

    private static View orphan(HostAndPort node, long serverId, String executed, EpochStore.Epoch epoch) {
        return new View(node, true, serverId, false, false, 0, executed, epoch);
    }

    private static View replica(HostAndPort node, long serverId, long source, String executed,
                                EpochStore.Epoch epoch) {
        return new View(node, true, serverId, false, true, source, executed, epoch);
    }
}
