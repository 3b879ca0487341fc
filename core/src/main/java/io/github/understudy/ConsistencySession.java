package io.github.understudy;

import io.github.understudy.internal.TrackedSession;

/**
 * A logical session for read-your-writes: it remembers the GTIDs of the writes made in it, so that its reads can
 * go to a replica that has applied them. Thread-safe. The {@link #token()} is a short string an application can
 * carry across requests (a cookie, a header) and resume with {@link Understudy#withToken(String)}.
 */
public interface ConsistencySession {

    /** @return a session with no writes yet */
    static ConsistencySession create() {
        return TrackedSession.parse("");
    }

    /**
     * @param token a token from {@link #token()}; empty or null for a session with no writes
     * @return a session whose reads see at least the writes the token covers
     * @throws IllegalArgumentException when the token is not one Understudy made
     */
    static ConsistencySession fromToken(String token) {
        return TrackedSession.parse(token);
    }

    /** @return the token of the writes made so far in this session ("" when none) */
    String token();

    /** @return whether the session wrote anything */
    boolean wrote();
}
