package io.github.understudy.event;

import java.time.Instant;

/**
 * Something that happened to the cluster as one Understudy DataSource saw it. Events are small immutable records;
 * subscribe to the ones you care about with {@link io.github.understudy.UnderstudyListener#on}.
 *
 * <p>The set of events is closed ({@code sealed}) so that a {@code switch} over them can be exhaustive; new kinds
 * of events are added in minor releases, so handle the ones you know and ignore the rest.
 */
public sealed interface UnderstudyEvent
        permits NodeDown, NodeUp, NodeSuspect, ReplicaLagging, ReplicaCaughtUp, TopologyChanged,
        MasterFailureDiagnosed, FailoverStarted, MasterPromoted, ReplicasRepointed, FailoverFailed, FailoverHeldBack,
        NodeFenced, NodeRejoined, RejoinRefused, MasterRestored {

    /** {@return the {@code name} of the DataSource that saw the event} */
    String dataSourceName();

    /** {@return when it happened, by the DataSource's clock} */
    Instant at();
}
