package io.github.understudy.spring.boot.it.slice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.UnderstudyDataSource;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;

/** {@code @DataJpaTest} with {@code replace = NONE} runs its repositories on Understudy, not on an embedded database. */
@DataJpaTest(properties = {"spring.jpa.hibernate.ddl-auto=create-drop",
        "spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false",
        "spring.jpa.properties.jakarta.persistence.database-product-name=MariaDB",
        "spring.jpa.properties.jakarta.persistence.database-major-version=11",
        "spring.jpa.properties.jakarta.persistence.database-minor-version=4"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class DataJpaSliceIT extends SliceTestCluster {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private NoteRepository notes;

    @Test
    void repositoriesRunOnUnderstudy() {
        assertThat(dataSource).isInstanceOf(UnderstudyDataSource.class);
        notes.save(new Note("saved through Understudy"));

        assertThat(notes.findAll()).extracting(Note::text).containsExactly("saved through Understudy");
        assertThat(((UnderstudyDataSource) dataSource).topology().nodes()).hasSize(2);
    }
}
