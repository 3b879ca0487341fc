package io.github.understudy.it;

import static io.github.understudy.it.Clusters.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.testkit.ReplicationCluster;
import io.github.understudy.testkit.junit.WithReplicationCluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The README says the DataSource goes wherever a DataSource goes: jOOQ and MyBatis, as their users write them. A
 * connection set read-only (before the first statement) reads on a replica; everything else runs on the master.
 */
@WithReplicationCluster(engine = "mariadb", replicas = 2)
class JooqAndMyBatisIT {

    private final ReplicationCluster cluster;

    JooqAndMyBatisIT(ReplicationCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void jooqWritesOnTheMasterAndReadsOnAReplicaFromAReadOnlyConnection() throws SQLException {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, title VARCHAR(40)");
        try (UnderstudyDataSource dataSource = new UnderstudyDataSource(config(cluster).build())) {
            DSLContext db = DSL.using(dataSource, SQLDialect.MARIADB);
            db.insertInto(DSL.table(table), DSL.field("id"), DSL.field("title")).values(1, "Dune").execute();
            long writer = db.transactionResult(tx -> serverId(tx.dsl()));

            long reader = await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setReadOnly(true);
                    DSLContext replica = DSL.using(c, SQLDialect.MARIADB);
                    String title = replica.select(DSL.field("title", String.class)).from(DSL.table(table))
                            .where(DSL.field("id").eq(1)).fetchOne(0, String.class);
                    return "Dune".equals(title) ? serverId(replica) : null;
                }
            }, id -> id != null);

            assertThat(writer).isEqualTo(cluster.node("n1").serverId());
            assertThat(reader).isIn(replicaIds());
        }
    }

    /** A MyBatis mapper, as annotations. */
    public interface BookMapper {

        @Insert("INSERT INTO ${table} VALUES (#{id}, #{title})")
        void insert(@org.apache.ibatis.annotations.Param("table") String table,
                @org.apache.ibatis.annotations.Param("id") int id,
                @org.apache.ibatis.annotations.Param("title") String title);

        @Select("SELECT COUNT(*) FROM ${table}")
        int count(@org.apache.ibatis.annotations.Param("table") String table);

        @Select("SELECT @@server_id")
        long serverId();
    }

    @Test
    void myBatisWritesOnTheMasterAndReadsOnAReplicaFromAReadOnlyConnection() throws SQLException {
        String table = Clusters.newTable(cluster, "id INT PRIMARY KEY, title VARCHAR(40)");
        try (UnderstudyDataSource dataSource = new UnderstudyDataSource(config(cluster).build())) {
            Configuration configuration = new Configuration(new Environment("it", new JdbcTransactionFactory(),
                    dataSource));
            configuration.addMapper(BookMapper.class);
            SqlSessionFactory sessions = new SqlSessionFactoryBuilder().build(configuration);
            long writer;
            try (SqlSession session = sessions.openSession()) {
                BookMapper books = session.getMapper(BookMapper.class);
                books.insert(table, 1, "Dune");
                writer = books.serverId();
                session.commit();
            }

            long reader = await().atMost(Duration.ofSeconds(5)).until(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setReadOnly(true);
                    try (SqlSession session = sessions.openSession(c)) {
                        BookMapper books = session.getMapper(BookMapper.class);
                        return books.count(table) == 1 ? books.serverId() : null;
                    }
                }
            }, id -> id != null);

            assertThat(writer).isEqualTo(cluster.node("n1").serverId());
            assertThat(reader).isIn(replicaIds());
        }
    }

    private static Long serverId(DSLContext db) {
        return db.select(DSL.field("@@server_id", Long.class)).fetchOne(0, Long.class);
    }

    private Set<Long> replicaIds() {
        return cluster.replicas().stream().map(n -> n.serverId()).collect(Collectors.toSet());
    }
}
