package io.github.understudy.benchmarks.support;

import io.github.understudy.UnderstudyConfig;

/** Understudy's default settings, read from a configuration built with nothing but the required settings. */
public final class Defaults {

    /** A configuration holding every default. */
    public static final UnderstudyConfig CONFIG = UnderstudyConfig.builder().hosts("defaults:3306")
            .username("defaults").password("").adminUsername("defaults").adminPassword("").build();

    private Defaults() {
    }
}
