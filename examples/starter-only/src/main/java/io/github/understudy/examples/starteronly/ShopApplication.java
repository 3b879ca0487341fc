package io.github.understudy.examples.starteronly;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's Spring Boot Quickstart as a whole application: the starter is its only dependency, and its
 * configuration is the README's {@code application.yml} (or {@code application.properties}). It places an order on
 * the master, reads it back from a replica, prints what it saw and exits 0; any failure exits 1.
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * Runs the application once.
     *
     * @param args Spring Boot arguments
     */
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(ShopApplication.class, args)));
    }
}
