package io.github.understudy.spring.boot.autoconfigure;

import java.time.Duration;

/**
 * The {@code understudy.pool.*} settings: the HikariCP settings of the master's pool and of each replica's pool
 * (every node has a pool of its own).
 */
public class UnderstudyPoolProperties {

    /** The master's pool. */
    private final Pool master = new Pool();

    /** Each replica's pool (every replica has its own). */
    private final Pool replica = new Pool();

    public Pool getMaster() {
        return master;
    }

    public Pool getReplica() {
        return replica;
    }

    /** The HikariCP settings of one kind of node's pool. */
    public static class Pool {

        /** Most connections the pool opens. */
        private int maximumPoolSize = 10;

        /** Idle connections the pool keeps open. */
        private int minimumIdle = 2;

        /** Longest a request waits for a connection from the pool (at least 250ms). */
        private Duration connectionTimeout = Duration.ofMillis(250);

        /** How long a connection above minimum-idle may stay idle; 0 for ever, else at least 10s. */
        private Duration idleTimeout = Duration.ofMinutes(10);

        /** How long a connection lives before it is replaced; 0 for no limit, else at least 30s. */
        private Duration maxLifetime = Duration.ofMinutes(30);

        public int getMaximumPoolSize() {
            return maximumPoolSize;
        }

        public void setMaximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
        }

        public int getMinimumIdle() {
            return minimumIdle;
        }

        public void setMinimumIdle(int minimumIdle) {
            this.minimumIdle = minimumIdle;
        }

        public Duration getConnectionTimeout() {
            return connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }
    }
}
