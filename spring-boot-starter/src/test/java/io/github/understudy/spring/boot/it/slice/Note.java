package io.github.understudy.spring.boot.it.slice;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A row of the slice tests. */
@Entity
public class Note {

    @Id
    @GeneratedValue
    private Long id;

    private String text;

    protected Note() {
    }

    Note(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
