package io.github.understudy.internal;

import io.github.understudy.internal.CandidateChoice.Facts;

/**
 * How far candidates have come, for one server family: which is ahead, whether one holds every transaction of the
 * failed master that another holds, whether one has applied all it received. Pure.
 */
sealed interface Progress {

    static Progress of(boolean mariadb, boolean gtids, CandidateChoice.Master master, String masterUuid) {
        return mariadb ? new MariaDb(master.serverId()) : gtids ? new MySql(masterUuid) : new Coordinates();
    }

    /** Positive when {@code a} is ahead of {@code b}, 0 when level. */
    int compare(Facts a, Facts b);

    /** Whether {@code winner} has every transaction of the failed master that {@code other} received. */
    boolean covers(Facts winner, Facts other);

    /** Whether the candidate applied all it received. */
    boolean appliedAll(Facts facts);

    /** What the candidate received, for messages. */
    String received(Facts facts);

    /** What the candidate has, for messages. */
    default String describe(Facts facts) {
        return facts.executed().isEmpty() ? "nothing" : facts.executed();
    }

    /** MySQL: GTID sets; the failed master's transactions are those of its server UUID. */
    record MySql(String masterUuid) implements Progress {

        @Override
        public int compare(Facts a, Facts b) {
            GtidSet as = GtidSet.parse(a.executed());
            GtidSet bs = GtidSet.parse(b.executed());
            boolean aHasB = as.containsAll(bs);
            boolean bHasA = bs.containsAll(as);
            if (aHasB != bHasA) {
                return aHasB ? 1 : -1;
            }
            return Long.compare(as.count(), bs.count());
        }

        @Override
        public boolean covers(Facts winner, Facts other) {
            GtidSet held = GtidSet.parse(other.executed()).union(GtidSet.parse(received(other)));
            GtidSet ofMaster = masterUuid.isEmpty() ? held : held.subtract(held.withoutServer(masterUuid));
            return GtidSet.parse(winner.executed()).containsAll(ofMaster);
        }

        @Override
        public boolean appliedAll(Facts facts) {
            return GtidSet.parse(facts.executed()).containsAll(GtidSet.parse(received(facts)));
        }

        @Override
        public String received(Facts facts) {
            return facts.status() == null ? "" : facts.status().retrievedGtids();
        }
    }

    /**
     * MySQL without GTIDs ({@code gtid_mode=OFF}): every candidate replicated from the failed master, so the failed
     * master's binary log coordinates order them: how far each applied, and how far each received.
     */
    record Coordinates() implements Progress {

        @Override
        public int compare(Facts a, Facts b) {
            return compareNullsFirst(applied(a), applied(b));
        }

        @Override
        public boolean covers(Facts winner, Facts other) {
            BinlogPosition held = other.status() == null ? null : max(other.status().received(), applied(other));
            return held == null || compareNullsFirst(applied(winner), held) >= 0;
        }

        @Override
        public boolean appliedAll(Facts facts) {
            return compareNullsFirst(applied(facts), facts.status().received()) >= 0;
        }

        @Override
        public String received(Facts facts) {
            return facts.status() == null ? "" : String.valueOf(facts.status().received());
        }

        @Override
        public String describe(Facts facts) {
            BinlogPosition applied = applied(facts);
            return applied == null ? "nothing" : "applied up to " + applied;
        }

        private static BinlogPosition applied(Facts facts) {
            return facts.status() == null ? null : facts.status().applied();
        }

        private static BinlogPosition max(BinlogPosition a, BinlogPosition b) {
            return compareNullsFirst(a, b) >= 0 ? a : b;
        }

        private static int compareNullsFirst(BinlogPosition a, BinlogPosition b) {
            return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
        }
    }

    /**
     * MariaDB: a sequence number per domain ({@link MariaDbPosition}); the failed master's transactions are those
     * written by its {@code server_id}. A replica positioned by binary log coordinates ({@code MASTER_USE_GTID=no})
     * has no GTID receive position, so whether it applied all it received is read from the coordinates.
     */
    record MariaDb(long masterServerId) implements Progress {

        @Override
        public int compare(Facts a, Facts b) {
            return Long.compare(MariaDbPosition.parse(a.executed()).progress(),
                    MariaDbPosition.parse(b.executed()).progress());
        }

        @Override
        public boolean covers(Facts winner, Facts other) {
            if (other.status() != null && !other.status().gtidPositioning() && winner.status() != null
                    && !new Coordinates().covers(winner, other)) {
                return false; // a holder by coordinates: what it received, in the failed master's binary log
            }
            MariaDbPosition has = MariaDbPosition.parse(winner.executed());
            for (String position : new String[] {other.executed(), received(other)}) {
                for (MariaDbPosition.Gtid gtid : MariaDbPosition.parse(position).domains().values()) {
                    boolean mastersOwn = masterServerId == 0 || gtid.serverId() == masterServerId;
                    if (mastersOwn && has.seq(gtid.domain()) < gtid.seq()) {
                        return false;
                    }
                }
            }
            return true;
        }

        @Override
        public boolean appliedAll(Facts facts) {
            ReplicaStatus status = facts.status();
            if (!received(facts).isEmpty()) {
                return MariaDbPosition.parse(facts.executed()).covers(MariaDbPosition.parse(received(facts)));
            }
            return status.gtidPositioning() || status.received() == null
                    || status.applied() != null && status.applied().compareTo(status.received()) >= 0;
        }

        @Override
        public String received(Facts facts) {
            return facts.status() == null ? "" : facts.status().retrievedGtids();
        }
    }
}
