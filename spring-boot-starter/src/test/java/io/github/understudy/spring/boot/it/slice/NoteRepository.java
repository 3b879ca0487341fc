package io.github.understudy.spring.boot.it.slice;

import org.springframework.data.jpa.repository.JpaRepository;

/** The repository {@code @DataJpaTest} sets up. */
public interface NoteRepository extends JpaRepository<Note, Long> {
}
