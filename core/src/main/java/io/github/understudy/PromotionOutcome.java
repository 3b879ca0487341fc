package io.github.understudy;

import io.github.understudy.internal.Check;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link PromotionStrategy} did.
 *
 * @param promoted           the node now writable, or empty when nothing was promoted
 * @param rejected           every candidate not chosen, with the reason
 * @param detail             a sentence for the log and the events
 * @param appliedCoordinates without GTIDs (MySQL {@code gtid_mode=OFF}): how far the promoted node had applied the
 *                           failed master's binary log, as {@code file:offset} ({@code mysql-bin.000002:1542}),
 *                           which replicas are repointed by; {@code ""} with GTIDs
 */
public record PromotionOutcome(Optional<HostAndPort> promoted, List<RejectedCandidate> rejected, String detail,
                               String appliedCoordinates) {

    /** Copies the list; checks the components. */
    public PromotionOutcome {
        Check.notNull("promoted", promoted);
        rejected = List.copyOf(Check.notNull("rejected", rejected));
        Check.notNull("detail", detail);
        Check.notNull("appliedCoordinates", appliedCoordinates);
    }

    /**
     * @param node     the promoted node
     * @param rejected the candidates not chosen
     * @return an outcome where {@code node} was promoted, in a cluster with GTIDs
     */
    public static PromotionOutcome promoted(HostAndPort node, List<RejectedCandidate> rejected) {
        return new PromotionOutcome(Optional.of(node), rejected, "promoted " + node, "");
    }

    /**
     * @param node               the promoted node
     * @param rejected           the candidates not chosen
     * @param appliedCoordinates how far it applied the failed master's binary log ({@code file:offset}); null or
     *                           {@code ""} with GTIDs
     * @return an outcome where {@code node} was promoted
     */
    public static PromotionOutcome promoted(HostAndPort node, List<RejectedCandidate> rejected,
                                            String appliedCoordinates) {
        return new PromotionOutcome(Optional.of(node), rejected, "promoted " + node,
                appliedCoordinates == null ? "" : appliedCoordinates);
    }

    /**
     * @param why      why nothing was promoted
     * @param rejected the candidates considered and rejected
     * @return an outcome where nothing changed
     */
    public static PromotionOutcome nothing(String why, List<RejectedCandidate> rejected) {
        return new PromotionOutcome(Optional.empty(), rejected, why, "");
    }
}
