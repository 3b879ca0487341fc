package io.github.understudy.event;

import static java.util.Objects.requireNonNull;

import io.github.understudy.TopologySnapshot;

import java.time.Instant;

/**
 * A new topology snapshot was published: a node changed state or role, or the epoch changed.
 *
 * @param dataSourceName the DataSource that saw it
 * @param at when it happened
 * @param previous the snapshot before the change
 * @param current the snapshot now in force
 */
public record TopologyChanged(String dataSourceName, Instant at, TopologySnapshot previous,
        TopologySnapshot current) implements UnderstudyEvent {

    /** Creates the event; no argument may be null. */
    public TopologyChanged {
        requireNonNull(dataSourceName, "dataSourceName must not be null");
        requireNonNull(at, "at must not be null");
        requireNonNull(previous, "previous must not be null");
        requireNonNull(current, "current must not be null");
    }
}
