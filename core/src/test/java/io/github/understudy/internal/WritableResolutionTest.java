package io.github.understudy.internal;

import static io.github.understudy.internal.WritableResolution.Action.FENCE;
import static io.github.understudy.internal.WritableResolution.Action.FOLLOW;
import static io.github.understudy.internal.WritableResolution.Action.NONE;
import static io.github.understudy.internal.WritableResolution.Action.REFUSE_WRITES;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;

import org.junit.jupiter.api.Test;

/** Fence or follow: what to do about a writable node that is not the master followed. */
class WritableResolutionTest {

    private static final HostAndPort FOLLOWED = HostAndPort.parse("db2:3306");

    @Test
    void theMasterOfAHigherTermIsFollowed() {
        assertThat(WritableResolution.decide(3, new EpochStore.Epoch(5, 3, ""), FOLLOWED, 4, 1)).isEqualTo(FOLLOW);
    }

    @Test
    void aNodeWhoseRowNamesAnotherMasterIsFencedWhateverTheNumber() {
        // A replica made writable by mistake: its replicated row names the real master of term 5, server 2.
        assertThat(WritableResolution.decide(3, new EpochStore.Epoch(5, 2, ""), FOLLOWED, 4, 1)).isEqualTo(FENCE);
    }

    @Test
    void anOldMasterIsFenced() {
        assertThat(WritableResolution.decide(1, new EpochStore.Epoch(1, 1, ""), FOLLOWED, 2, 1)).isEqualTo(FENCE);
        assertThat(WritableResolution.decide(1, EpochStore.Epoch.NONE, FOLLOWED, 0, 1)).as("no promotion yet")
                .isEqualTo(FENCE);
    }

    @Test
    void twoMastersOfTheSameTermRefuseWrites() {
        assertThat(WritableResolution.decide(3, new EpochStore.Epoch(4, 3, ""), FOLLOWED, 4, 1))
                .isEqualTo(REFUSE_WRITES);
    }

    @Test
    void withNoMasterFollowedTheOnlyWritableNodeOfTheTermIsFollowedAndSeveralAreLeftAlone() {
        assertThat(WritableResolution.decide(3, new EpochStore.Epoch(4, 3, ""), null, 4, 1)).isEqualTo(FOLLOW);
        assertThat(WritableResolution.decide(3, new EpochStore.Epoch(4, 3, ""), null, 4, 2)).isEqualTo(NONE);
        assertThat(WritableResolution.decide(1, new EpochStore.Epoch(3, 1, ""), null, 4, 1)).isEqualTo(NONE);
    }
}
