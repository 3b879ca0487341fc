package io.github.understudy;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link PromotionStrategy} did.
 *
 * @param promoted the node now writable, or empty when nothing was promoted
 * @param rejected every candidate not chosen, with the reason
 * @param detail   a sentence for the log and the events
 */
public record PromotionOutcome(Optional<HostAndPort> promoted, List<RejectedCandidate> rejected, String detail) {

    /** Copies the list. */
    public PromotionOutcome {
        rejected = List.copyOf(rejected);
    }

    /**
     * @param node     the promoted node
     * @param rejected the candidates not chosen
     * @return an outcome where {@code node} was promoted
     */
    public static PromotionOutcome promoted(HostAndPort node, List<RejectedCandidate> rejected) {
        return new PromotionOutcome(Optional.of(node), rejected, "promoted " + node);
    }

    /**
     * @param why      why nothing was promoted
     * @param rejected the candidates considered and rejected
     * @return an outcome where nothing changed
     */
    public static PromotionOutcome nothing(String why, List<RejectedCandidate> rejected) {
        return new PromotionOutcome(Optional.empty(), rejected, why);
    }
}
