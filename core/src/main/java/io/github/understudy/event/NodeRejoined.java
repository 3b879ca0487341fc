package io.github.understudy.event;

import io.github.understudy.HostAndPort;
import java.time.Instant;

/**
 * A fenced old master now replicates from the current master.
 *
 * @param dataSourceName the DataSource
 * @param at             when
 * @param node           the old master
 * @param master         the master it replicates from
 */
public record NodeRejoined(String dataSourceName, Instant at, HostAndPort node, HostAndPort master) implements UnderstudyEvent {
}
