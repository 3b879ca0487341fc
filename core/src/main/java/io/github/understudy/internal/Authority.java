package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who the master is, decided by the epoch record, not by any server's {@code read_only}: servers restart with
 * their configuration files (a promoted replica comes back read-only, an old master writable), and only the
 * record says which node the last promotion chose. A pure function of what the probes read.
 *
 * <p>The rules: the master is the node the highest epoch row names (by {@code server_id}). Writes go to it when it
 * is writable; when it came back read-only it is made writable again, but only if it holds every transaction of
 * its term that another node holds (its replicas', and any node's whose row is of its term); otherwise writes are
 * refused, naming the nodes. Every other writable node is fenced. Before any promotion (epoch 0) the single
 * writable node that replicates from no one is the master — never one with no data while another has some (an
 * empty or rebuilt data directory) — and with none, the read-only node every replica replicates from.
 */
final class Authority {

    private Authority() {
    }

    /**
     * One node as its last probe saw it.
     *
     * @param address        its address
     * @param reachable      whether its last probe answered
     * @param serverId       its {@code server_id}, 0 when never seen
     * @param writable       read_only off
     * @param replicates     whether it has a source configured
     * @param sourceServerId the {@code server_id} of its source, 0 when unknown (never connected) or none
     * @param executed       its transactions
     * @param epoch          its epoch row, null when not read
     */
    record View(HostAndPort address, boolean reachable, long serverId, boolean writable, boolean replicates,
                long sourceServerId, String executed, EpochStore.Epoch epoch) {

        boolean orphan() {
            return reachable && !writable && !replicates;
        }

        boolean master() {
            return reachable && writable && !replicates;
        }
    }

    /** What the record says to do. */
    sealed interface Verdict {
        /** Route writes to {@code master}, the master of {@code epoch} (it may be down: writes wait for it). */
        record Follow(HostAndPort master, long epoch) implements Verdict {
        }

        /** Make {@code master} writable again and route writes to it. */
        record Restore(HostAndPort master, long epoch, String why) implements Verdict {
        }

        /** No node can be proven to be the master: refuse writes, saying why. */
        record Refuse(String why) implements Verdict {
        }

        /** No master now, and nothing to say beyond that. */
        record None() implements Verdict {
        }
    }

    /**
     * @param followedEpoch the epoch this instance follows (a node's row may be behind it)
     * @param followed      the master this instance follows, null when none
     */
    static Verdict decide(List<View> views, long followedEpoch, HostAndPort followed, boolean mariadb) {
        long epoch = Math.max(followedEpoch, views.stream().filter(v -> v.epoch() != null)
                .mapToLong(v -> v.epoch().number()).max().orElse(0));
        if (epoch == 0) {
            return beforeAnyPromotion(views, mariadb);
        }
        Set<Long> named = views.stream().filter(v -> v.epoch() != null && v.epoch().number() == epoch)
                .map(v -> v.epoch().serverId()).collect(Collectors.toCollection(LinkedHashSet::new));
        if (named.size() > 1) {
            return new Verdict.Refuse("epoch " + epoch + " names more than one master (server_id " + named
                    + "): two promotions of the same term; make all but one read-only");
        }
        Optional<View> master = named.isEmpty() ? views.stream().filter(v -> v.address().equals(followed))
                .findFirst() : views.stream().filter(v -> v.serverId() == named.iterator().next()).findFirst();
        if (master.isEmpty()) {
            return named.isEmpty() && followed != null ? new Verdict.Follow(followed, epoch)
                    : new Verdict.Refuse("the master of epoch " + epoch + " (server_id " + named + ") is not "
                    + "one of the configured hosts, or has not been seen yet");
        }
        return ofTerm(master.get(), epoch, views, mariadb);
    }

    private static Verdict ofTerm(View master, long epoch, List<View> views, boolean mariadb) {
        if (!master.reachable() || master.master()) {
            return new Verdict.Follow(master.address(), epoch);
        }
        if (master.replicates()) {
            return new Verdict.Refuse("the master of epoch " + epoch + ", " + master.address() + ", replicates "
                    + "from server_id " + master.sourceServerId());
        }
        List<View> ofItsTerm = views.stream().filter(v -> v != master && v.reachable())
                .filter(v -> v.replicates() && v.sourceServerId() == master.serverId()
                        || v.epoch() != null && v.epoch().number() == epoch).toList();
        return restoreIfAhead(master, epoch, ofItsTerm, mariadb, "it is the master of epoch " + epoch
                + " and came back read-only");
    }

    private static Verdict beforeAnyPromotion(List<View> views, boolean mariadb) {
        List<View> writable = views.stream().filter(View::master).toList();
        if (writable.size() > 1) {
            return new Verdict.Refuse(writable.size() + " nodes report being writable masters (" + writable.stream()
                    .map(v -> v.address() + " server_id " + v.serverId()).collect(Collectors.joining(", "))
                    + "): refusing to route writes");
        }
        if (writable.size() == 1) {
            View only = writable.get(0);
            Optional<View> richer = views.stream().filter(v -> v != only && v.reachable() && !v.executed().isBlank())
                    .findFirst();
            if (only.executed().isBlank() && richer.isPresent()) {
                return new Verdict.Refuse(only.address() + " is writable but holds no transaction (an empty or "
                        + "rebuilt data directory?) while " + richer.get().address() + " has "
                        + richer.get().executed() + ": it is not taken for the master");
            }
            return new Verdict.Follow(only.address(), 0);
        }
        List<View> sources = views.stream().filter(View::orphan)
                .filter(o -> views.stream().anyMatch(v -> v.replicates() && v.sourceServerId() == o.serverId()))
                .toList();
        if (sources.size() != 1) {
            return new Verdict.None();
        }
        View source = sources.get(0);
        List<View> replicas = views.stream().filter(v -> v.reachable() && v.replicates()
                && v.sourceServerId() == source.serverId()).toList();
        return restoreIfAhead(source, 0, replicas, mariadb, "no node is writable, and the replicas replicate from it");
    }

    private static Verdict restoreIfAhead(View master, long epoch, List<View> others, boolean mariadb, String why) {
        List<String> missing = new ArrayList<>();
        for (View other : others) {
            if (!covers(mariadb, master.executed(), other.executed())) {
                missing.add(other.address() + " has " + other.executed());
            }
        }
        if (!missing.isEmpty()) {
            return new Verdict.Refuse(master.address() + " (" + why + ") is not the most advanced: it has "
                    + master.executed() + ", but " + String.join(", ", missing)
                    + "; writes are refused until an operator decides (see the README's \"Restarts\")");
        }
        return new Verdict.Restore(master.address(), epoch, why);
    }

    /** Whether {@code has} holds every transaction of {@code other}. */
    static boolean covers(boolean mariadb, String has, String other) {
        return mariadb ? MariaDbPosition.parse(has).covers(MariaDbPosition.parse(other))
                : GtidSet.parse(has).containsAll(GtidSet.parse(other));
    }

    /**
     * The writable nodes other than the master of the verdict, replicas included (a restarted old master may come
     * back a writable replica): fenced before anything is routed to them.
     */
    static List<HostAndPort> toFence(List<View> views, Verdict verdict) {
        HostAndPort master = verdict instanceof Verdict.Follow f ? f.master()
                : verdict instanceof Verdict.Restore r ? r.master() : null;
        if (master == null) {
            return List.of();
        }
        return views.stream().filter(v -> v.reachable() && v.writable() && !v.address().equals(master))
                .map(View::address).toList();
    }
}
