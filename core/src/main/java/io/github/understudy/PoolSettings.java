package io.github.understudy;

import io.github.understudy.internal.Check;
import java.time.Duration;

/**
 * The HikariCP settings of the connection pools of one kind of node (the master's, or each replica's). Every node
 * gets its own pool of this size: with 3 replicas, {@code replicaPool.maximumPoolSize = 10} means up to 30
 * replica connections per application instance.
 *
 * @param maximumPoolSize the most connections the pool opens
 * @param minimumIdle the idle connections the pool keeps ready
 * @param connectionTimeout the longest a request waits for a connection from the pool
 * @param idleTimeout how long an idle connection above {@code minimumIdle} is kept, 0 for ever
 * @param maxLifetime how long a connection lives before it is replaced, 0 for ever
 */
public record PoolSettings(int maximumPoolSize, int minimumIdle, Duration connectionTimeout, Duration idleTimeout,
        Duration maxLifetime) {

    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    private static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_MAX_LIFETIME = Duration.ofSeconds(30);

    /**
     * Creates the settings, with the rules of {@link Builder}.
     *
     * @throws IllegalArgumentException naming the setting, the rule and the value that breaks it
     */
    public PoolSettings {
        checkMaximumPoolSize(maximumPoolSize);
        checkMinimumIdle(minimumIdle);
        checkConnectionTimeout(connectionTimeout);
        checkIdleTimeout(idleTimeout);
        checkMaxLifetime(maxLifetime);
        if (minimumIdle > maximumPoolSize) {
            throw Check.invalid("minimumIdle", "<= maximumPoolSize (" + maximumPoolSize + ")", minimumIdle);
        }
        if (!maxLifetime.isZero() && !idleTimeout.isZero() && maxLifetime.compareTo(idleTimeout) <= 0) {
            throw Check.invalid("maxLifetime", "> idleTimeout (" + idleTimeout + ") or 0", maxLifetime);
        }
    }

    /** {@return the defaults: 10 connections at most, 2 idle, 250 ms connection timeout, 10 min idle, 30 min life} */
    public static PoolSettings defaults() {
        return builder().build();
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings} */
    public Builder toBuilder() {
        return new Builder().maximumPoolSize(maximumPoolSize).minimumIdle(minimumIdle)
                .connectionTimeout(connectionTimeout).idleTimeout(idleTimeout).maxLifetime(maxLifetime);
    }

    private static int checkMaximumPoolSize(int value) {
        return Check.atLeast("maximumPoolSize", value, 1);
    }

    private static int checkMinimumIdle(int value) {
        return Check.atLeast("minimumIdle", value, 0);
    }

    private static Duration checkConnectionTimeout(Duration value) {
        if (Check.notNull("connectionTimeout", value).compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw Check.invalid("connectionTimeout", ">= " + MIN_CONNECTION_TIMEOUT + " (HikariCP's minimum)", value);
        }
        return Check.positive("connectionTimeout", value);
    }

    private static Duration checkIdleTimeout(Duration value) {
        return zeroOrAtLeast("idleTimeout", value, MIN_IDLE_TIMEOUT, "0 (never)");
    }

    private static Duration checkMaxLifetime(Duration value) {
        return zeroOrAtLeast("maxLifetime", value, MIN_MAX_LIFETIME, "0 (no limit)");
    }

    private static Duration zeroOrAtLeast(String setting, Duration value, Duration min, String zero) {
        if (!Check.notNull(setting, value).isZero() && value.compareTo(min) < 0) {
            throw Check.invalid(setting, zero + " or >= " + min + " (HikariCP's minimum)", value);
        }
        return Check.notNegative(setting, value);
    }

    /** Builds {@link PoolSettings}; each setter checks its value at once and keeps the old one when it is bad. */
    public static final class Builder {

        private int maximumPoolSize = 10;
        private int minimumIdle = 2;
        private Duration connectionTimeout = MIN_CONNECTION_TIMEOUT;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration maxLifetime = Duration.ofMinutes(30);

        private Builder() {
        }

        /**
         * The most connections the pool of each node opens. Default 10.
         *
         * @param value {@code >= 1}
         * @return this builder
         */
        public Builder maximumPoolSize(int value) {
            maximumPoolSize = checkMaximumPoolSize(value);
            return this;
        }

        /**
         * The idle connections each pool keeps open. Default 2, rather than HikariCP's fixed-size pool, because every
         * node has a pool and every application instance has a set of them: a couple of warm connections keeps the
         * first read after a failover fast without holding {@code maximumPoolSize} connections on every server.
         *
         * @param value {@code 0..maximumPoolSize} (checked against the maximum in {@link #build()})
         * @return this builder
         */
        public Builder minimumIdle(int value) {
            minimumIdle = checkMinimumIdle(value);
            return this;
        }

        /**
         * The longest a request waits for a connection from a pool before trying elsewhere or failing. Default
         * 250 ms, which is also HikariCP's minimum.
         *
         * @param value {@code >= 250ms}
         * @return this builder
         */
        public Builder connectionTimeout(Duration value) {
            connectionTimeout = checkConnectionTimeout(value);
            return this;
        }

        /**
         * How long a connection above {@code minimumIdle} may stay idle before it is closed. Default 10 minutes.
         *
         * @param value 0 (never closed) or {@code >= 10s}
         * @return this builder
         */
        public Builder idleTimeout(Duration value) {
            idleTimeout = checkIdleTimeout(value);
            return this;
        }

        /**
         * How long a connection lives before it is replaced; keep it below the server's {@code wait_timeout}.
         * Default 30 minutes.
         *
         * @param value 0 (no limit) or {@code >= 30s}, and {@code > idleTimeout} unless one of them is 0
         * @return this builder
         */
        public Builder maxLifetime(Duration value) {
            maxLifetime = checkMaxLifetime(value);
            return this;
        }

        /**
         * Checks the settings together and builds them.
         *
         * @return the settings
         * @throws IllegalArgumentException when {@code minimumIdle > maximumPoolSize} or
         *     {@code maxLifetime <= idleTimeout}
         */
        public PoolSettings build() {
            return new PoolSettings(maximumPoolSize, minimumIdle, connectionTimeout, idleTimeout, maxLifetime);
        }
    }
}
