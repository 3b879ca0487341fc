package io.github.understudy.spring.boot.it.slice;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application the slice tests find: its package holds one entity and its repository. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SliceApplication {
}
