package io.github.understudy.spring.boot.it.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A tiny entity: enough to prove that entity queries follow the transaction's routing. */
@Entity
public class Greeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    protected Greeting() {
    }

    Greeting(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
