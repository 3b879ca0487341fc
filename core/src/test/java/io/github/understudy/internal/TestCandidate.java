package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;

/** A replica candidate with fixed figures. */
record TestCandidate(HostAndPort address, int inFlight, long latencyNanos) implements ReplicaCandidate {

    static TestCandidate of(String hostAndPort) {
        return new TestCandidate(HostAndPort.parse(hostAndPort), 0, 0);
    }

    static TestCandidate of(String hostAndPort, int inFlight, long latencyNanos) {
        return new TestCandidate(HostAndPort.parse(hostAndPort), inFlight, latencyNanos);
    }
}
