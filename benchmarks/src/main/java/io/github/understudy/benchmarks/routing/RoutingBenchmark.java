package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.ClusterAccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Routing overhead per operation on real servers: borrow + {@code SELECT 1} + close, and borrow + close alone,
 * through each {@link Variant}. Run it through {@link RoutingMain}, which starts the cluster and passes it to the
 * forks ({@link ClusterAccess#PROPERTY}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

    /** The {@link Variant#label()} measured in this trial. */
    @Param({"hikari-master", "hikari-replica", "understudy-write", "understudy-read", "connectorj-write",
            "connectorj-read", "connectorj-tuned-write", "connectorj-tuned-read", "spring-lazy-write",
            "spring-lazy-read"})
    public String variant;

    private Variant.Opened opened;
    private DataSource dataSource;
    private boolean setReadOnly;

    /** Opens the variant's DataSource and waits until its pools serve. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        Variant chosen = Variant.of(variant);
        opened = chosen.open(ClusterAccess.fromSystemProperty());
        dataSource = opened.dataSource();
        setReadOnly = chosen.setsReadOnly();
        Operations.warmUp(dataSource, setReadOnly);
    }

    /** Closes the DataSource and its pools. */
    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    /** @return the selected value, so the work is not eliminated */
    @Benchmark
    public int borrowSelectClose() throws SQLException {
        return Operations.borrowSelectClose(dataSource, setReadOnly);
    }

    /** @return the closed connection, so the work is not eliminated */
    @Benchmark
    public Connection borrowClose() throws SQLException {
        return Operations.borrowClose(dataSource, setReadOnly);
    }
}
