package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.ClusterAccess;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

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
 * The point workload on real servers, per {@link PointVariant} and Connector/J's client-side session state on and
 * off: a point read and a point write ({@link PointOperations}). {@link RoutingMain} runs it with several threads
 * sharing one DataSource and passes the cluster to the forks ({@link ClusterAccess#PROPERTY}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PointBenchmark {

    /** The {@link PointVariant#label()} measured in this trial. */
    @Param({"hikari", "spring-lazy", "connectorj", "understudy", "understudy-one-replica"})
    public String variant;

    /** Connector/J's {@code useLocalSessionState} (and {@code useLocalTransactionState}), for every variant. */
    @Param({"true", "false"})
    public boolean localSessionState;

    private PointVariant.Opened opened;

    /** Opens the variant and waits until both paths serve. */
    @Setup(Level.Trial)
    public void open() throws SQLException {
        opened = PointVariant.of(variant).open(ClusterAccess.fromSystemProperty(), localSessionState);
        PointOperations.warmUp(opened);
    }

    /** Closes the variant's pools. */
    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    /** @return what was read, so the work is not eliminated */
    @Benchmark
    public long read() throws SQLException {
        return PointOperations.read(opened.reads());
    }

    /** @return the rows changed */
    @Benchmark
    public int write() throws SQLException {
        return PointOperations.write(opened.writes());
    }
}
