package io.github.understudy.spring.boot.it.jpa;

import jakarta.persistence.EntityManager;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;

/** Service methods whose transactions are read-only, read-write, or absent; each reports its server. */
public class GreetingService {

    private final GreetingRepository repository;
    private final EntityManager entityManager;

    GreetingService(GreetingRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    /** What a read-only transaction saw, and on which server. */
    public record Seen(long serverId, List<String> texts) {
    }

    @Transactional(readOnly = true)
    public Seen readAll() {
        List<String> texts = repository.findAll().stream().map(Greeting::text).toList();
        return new Seen(repository.serverId(), texts);
    }

    /** Saves, then asks the server id in the same transaction: the repository's read-only default joins it. */
    @Transactional
    public long save(String text) {
        repository.save(new Greeting(text));
        repository.flush();
        return repository.serverId();
    }

    public long serverIdWithoutTransaction() {
        return ((Number) entityManager.createNativeQuery("SELECT @@server_id").getSingleResult()).longValue();
    }
}
