package io.github.understudy.spring.boot.it;

import io.github.understudy.Consistency;
import io.github.understudy.spring.boot.consistency.Consistent;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A table of entries, written in read-write transactions and read in read-only ones: the IT's application. */
class Ledger {

    private final JdbcTemplate jdbc;
    private final String table;

    Ledger(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Where a read went, and whether it saw the entry. */
    record Read(long serverId, boolean found) {
    }

    /** Reads that missed their write, and reads per server id. */
    record Outcome(int stale, Map<Long, Integer> readsByServer) {
    }

    @Transactional
    public void write(int id) {
        jdbc.update("INSERT INTO " + table + " (id, v) VALUES (?, ?)", id, id);
    }

    @Transactional(readOnly = true)
    public Read read(int id) {
        return jdbc.queryForObject("SELECT @@server_id, (SELECT v FROM " + table + " WHERE id = ?)",
                (rs, row) -> new Read(rs.getLong(1), rs.getObject(2) != null), id);
    }

    /** Write-then-read pairs, in a read-your-writes scope or not. */
    static class Pairs {

        private final Ledger ledger;

        Pairs(Ledger ledger) {
            this.ledger = ledger;
        }

        @Consistent(Consistency.READ_YOUR_WRITES)
        public Outcome readingYourWrites(int first, int count) {
            return run(first, count);
        }

        public Outcome eventually(int first, int count) {
            return run(first, count);
        }

        private Outcome run(int first, int count) {
            Map<Long, Integer> readsByServer = new TreeMap<>();
            int stale = 0;
            for (int id = first; id < first + count; id++) {
                ledger.write(id);
                Read read = ledger.read(id);
                stale += read.found() ? 0 : 1;
                readsByServer.merge(read.serverId(), 1, Integer::sum);
            }
            return new Outcome(stale, readsByServer);
        }
    }

    /** POST writes an entry, GET reads it (404 when the server that read has not got it). */
    @RestController
    static class Controller {

        private final Ledger ledger;

        Controller(Ledger ledger) {
            this.ledger = ledger;
        }

        @PostMapping("/entries/{id}")
        public String write(@PathVariable("id") int id) {
            ledger.write(id);
            return "written";
        }

        @GetMapping("/entries/{id}")
        public ResponseEntity<String> read(@PathVariable("id") int id) {
            return ledger.read(id).found() ? ResponseEntity.ok(Integer.toString(id))
                    : ResponseEntity.notFound().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

        @Bean
        Ledger ledger(JdbcTemplate jdbc, @Value("${ledger.table}") String table) {
            return new Ledger(jdbc, table);
        }

        @Bean
        Pairs pairs(Ledger ledger) {
            return new Pairs(ledger);
        }

        @Bean
        Controller controller(Ledger ledger) {
            return new Controller(ledger);
        }
    }
}
