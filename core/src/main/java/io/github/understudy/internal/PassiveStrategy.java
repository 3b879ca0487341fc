package io.github.understudy.internal;

import io.github.understudy.PromotionContext;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.PromotionStrategy;

import java.util.List;

/** {@code none()} and {@code external()}: promote nothing, change no server, follow what others do. */
public final class PassiveStrategy implements PromotionStrategy {

    private final String name;
    private final String why;

    public PassiveStrategy(String name, String why) {
        this.name = name;
        this.why = why;
    }

    @Override
    public PromotionOutcome promote(PromotionContext context) {
        return PromotionOutcome.nothing(why, List.of());
    }

    @Override
    public boolean changesServers() {
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
