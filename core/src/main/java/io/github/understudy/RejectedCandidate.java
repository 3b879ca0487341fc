package io.github.understudy;

/**
 * A replica a promotion did not choose, and why, naming the setting responsible where there is one.
 *
 * @param node   the replica
 * @param reason e.g. {@code "errant transactions: 3E11FA47-...:1-2"}, {@code "marked never promote (neverPromote)"}
 */
public record RejectedCandidate(HostAndPort node, String reason) {

    @Override
    public String toString() {
        return node + ": " + reason;
    }
}
