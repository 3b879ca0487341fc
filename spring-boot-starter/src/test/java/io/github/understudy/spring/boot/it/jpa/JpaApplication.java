package io.github.understudy.spring.boot.it.jpa;

import jakarta.persistence.EntityManager;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A whole Spring Boot application: every auto-configuration on the test classpath, JPA included. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class JpaApplication {

    @Bean
    GreetingService greetingService(GreetingRepository repository, EntityManager entityManager) {
        return new GreetingService(repository, entityManager);
    }
}
