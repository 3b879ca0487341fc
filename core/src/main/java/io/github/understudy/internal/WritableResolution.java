package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

/**
 * What to do about a writable node other than the master writes go to: a pure function of its epoch row and this
 * instance's view. Following a higher epoch changes no server, so it needs no lock; fencing does.
 */
final class WritableResolution {

    /** What to do. */
    enum Action {
        /** Route writes to it: it is the master of a term at least as high as the one followed. */
        FOLLOW,
        /** Two masters of the same term: neither can be trusted to be the one; no writes until one is left. */
        REFUSE_WRITES,
        /** Make it read-only and rejoin it: it is not the master of the highest term. */
        FENCE,
        /** Nothing yet (no master to fence it in favour of). */
        NONE
    }

    private WritableResolution() {
    }

    /**
     * @param serverId       the writable node's {@code server_id}
     * @param epoch          its epoch row (the row names the master of that term by {@code server_id})
     * @param followed       the master writes go to, null when none
     * @param followedEpoch  the epoch this instance follows
     * @param writableNodes  how many nodes other than the followed one are writable now
     */
    static Action decide(long serverId, EpochStore.Epoch epoch, HostAndPort followed, long followedEpoch,
                         int writableNodes) {
        // A node is the master of the term its row names only if the row names it; no row: term 0, anyone's.
        boolean ownTerm = epoch.number() == 0 || epoch.serverId() == serverId;
        if (ownTerm && epoch.number() > followedEpoch) {
            return Action.FOLLOW;
        }
        if (ownTerm && epoch.number() == followedEpoch) {
            if (followed == null && writableNodes == 1) {
                return Action.FOLLOW;
            }
            if (followed != null && epoch.number() > 0) {
                return Action.REFUSE_WRITES;
            }
        }
        return followed != null ? Action.FENCE : Action.NONE;
    }
}
