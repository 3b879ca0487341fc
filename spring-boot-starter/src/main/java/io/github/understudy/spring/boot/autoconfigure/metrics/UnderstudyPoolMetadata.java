package io.github.understudy.spring.boot.autoconfigure.metrics;

import io.github.understudy.micrometer.PoolUsage;

import org.springframework.boot.jdbc.metadata.DataSourcePoolMetadata;

/**
 * What Boot's {@code jdbc.connections.*} meters read of an Understudy DataSource: the connections of all its node
 * pools, added up (one HikariCP pool per node; the master's and the replicas' together).
 */
final class UnderstudyPoolMetadata implements DataSourcePoolMetadata {

    private final PoolUsage pools;

    UnderstudyPoolMetadata(PoolUsage pools) {
        this.pools = pools;
    }

    @Override
    public Float getUsage() {
        int max = pools.max();
        return max == 0 ? null : (float) pools.active() / max;
    }

    @Override
    public Integer getActive() {
        return pools.active();
    }

    @Override
    public Integer getIdle() {
        return pools.idle();
    }

    @Override
    public Integer getMax() {
        return pools.max();
    }

    @Override
    public Integer getMin() {
        return pools.min();
    }

    /** {@return null: the pools validate with JDBC's {@code isValid}, not a query} */
    @Override
    public String getValidationQuery() {
        return null;
    }

    /** {@return true: connections start in auto-commit, as HikariCP's do by default} */
    @Override
    public Boolean getDefaultAutoCommit() {
        return Boolean.TRUE;
    }
}
