package io.github.understudy.spring.boot.it.jpa;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Spring Data repository. Its inherited methods ({@code findAll}, ...) are read-only transactions of their own;
 * its declared query methods have no transaction unless annotated.
 */
public interface GreetingRepository extends JpaRepository<Greeting, Long> {

    @Query(value = "SELECT @@server_id", nativeQuery = true)
    long serverId();

    @Transactional(readOnly = true)
    @Query(value = "SELECT @@server_id", nativeQuery = true)
    long serverIdReadOnly();
}
