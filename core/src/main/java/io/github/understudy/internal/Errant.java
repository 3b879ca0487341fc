package io.github.understudy.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Errant transactions: what one node holds that another never had. Such a node must never be promoted over the
 * other, nor replicate from it (its data has diverged: rebuild it). The rules of both server families live here,
 * and only here.
 *
 * <p>MySQL: set arithmetic on GTID sets. MariaDB has no GTID sets, only the last GTID of each domain, so its rules
 * lean on {@code gtid_strict_mode}: sequence numbers grow within a domain whichever server wrote them, so a GTID
 * beyond what a server has reached, or beyond the point where its term began, is one it never received.
 */
final class Errant {

    private Errant() {
    }

    /**
     * What a promotion candidate has that the dead master never had. The dead master's own transactions are never
     * errant, even those it wrote after Understudy last saw its position.
     *
     * @param candidate      the candidate's executed transactions
     * @param masterKnown    the dead master's position when it was last probed ({@code ""}: unknown, nothing is
     *                       errant for lack of evidence — only on MariaDB; MySQL compares against the empty set)
     * @param masterServerId the dead master's {@code server_id}
     * @param masterUuid     the dead master's {@code server_uuid} (MySQL), {@code ""} when unknown
     * @return the errant transactions, {@code ""} when there are none
     */
    static String ofCandidate(boolean mariadb, String candidate, String masterKnown, long masterServerId,
                              String masterUuid) {
        if (!mariadb) {
            return GtidSet.parse(candidate).subtract(GtidSet.parse(masterKnown)).withoutServer(masterUuid).toString();
        }
        if (masterKnown.isBlank()) {
            return "";
        }
        MariaDbPosition known = MariaDbPosition.parse(masterKnown);
        List<String> errant = new ArrayList<>();
        for (MariaDbPosition.Gtid gtid : MariaDbPosition.parse(candidate).domains().values()) {
            boolean mastersOwn = gtid.serverId() == masterServerId;
            if (!mastersOwn && gtid.seq() > known.seq(gtid.domain())) {
                errant.add(gtid.toString()); // another server wrote beyond anything the master had
            }
        }
        return String.join(",", errant);
    }

    /**
     * What a node has that the master lacks: checked before the node replicates from the master (an old master
     * rejoining, a replica repaired). On MariaDB a GTID is the master's when it is not beyond the master's
     * position and it is either the master's own or not beyond the point where the master's term began
     * ({@code promotionPoint}: the master had everything of the old term up to there, nothing after).
     *
     * @param node           the node's executed transactions
     * @param master         the master's executed transactions
     * @param masterServerId the master's {@code server_id}
     * @param promotionPoint what the master had applied when it was promoted (the epoch row), {@code ""} when it
     *                       was never promoted by Understudy
     * @return the errant transactions, {@code ""} when there are none
     */
    static String againstMaster(boolean mariadb, String node, String master, long masterServerId,
                                String promotionPoint) {
        if (!mariadb) {
            return GtidSet.parse(node).subtract(GtidSet.parse(master)).toString();
        }
        MariaDbPosition reached = MariaDbPosition.parse(master);
        MariaDbPosition termStart = MariaDbPosition.parse(promotionPoint);
        List<String> errant = new ArrayList<>();
        for (MariaDbPosition.Gtid gtid : MariaDbPosition.parse(node).domains().values()) {
            boolean held = gtid.seq() <= reached.seq(gtid.domain()) && (gtid.serverId() == masterServerId
                    || gtid.seq() <= termStart.seq(gtid.domain()));
            if (!held) {
                errant.add(gtid.toString());
            }
        }
        return String.join(",", errant);
    }
}
