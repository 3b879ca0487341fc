/**
 * Understudy's public API: the configuration ({@link io.github.understudy.UnderstudyConfig}), the topology model
 * ({@link io.github.understudy.TopologySnapshot}, {@link io.github.understudy.NodeStatus}), the replica selection
 * SPI ({@link io.github.understudy.ReplicaSelector}), listeners and the typed exceptions.
 */
package io.github.understudy;
