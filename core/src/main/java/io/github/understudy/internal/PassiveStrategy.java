package io.github.understudy.internal;

import io.github.understudy.PromotionContext;
import io.github.understudy.PromotionOutcome;
import io.github.understudy.PromotionStrategy;

import java.util.List;

/** {@code none()} and {@code external()}: promote nothing, change no server, follow what others do. */
public final class PassiveStrategy implements PromotionStrategy {

    private final String name;
    private final String why;
    private final boolean restoresMaster;

    /**
     * @param restoresMaster whether the master the epoch record names is made writable again when it comes back
     *                       read-only from a restart ({@code none()}: that is no failover; {@code external()}: the
     *                       external tool owns the servers)
     */
    public PassiveStrategy(String name, String why, boolean restoresMaster) {
        this.name = name;
        this.why = why;
        this.restoresMaster = restoresMaster;
    }

    /** {@return whether the recorded master is made writable again after a restart} */
    boolean restoresMaster() {
        return restoresMaster;
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
