package io.latchkey.core.token;

import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.support.Require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node-local copy of the shared deny-list. A revocation made on this node takes effect here at once;
 * revocations made on other nodes arrive with the next {@link #refresh()}, which the server schedules every
 * few hundred milliseconds.
 *
 * <p>Refresh reads entries revoked since the previous refresh minus an overlap, because a revocation
 * committed late by a slow transaction may carry an earlier timestamp than one already seen. Entries are
 * keyed, so reading one twice is harmless.
 *
 * @since 0.1
 */
public final class RevocationList {
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final RevocationRepository repository;
    private final Clock clock;
    /** jti to the time after which the revoked token is expired anyway and the entry can go. */
    private final Map<String, Instant> revokedJtis = new ConcurrentHashMap<>();
    private final Map<String, Instant> revokedSubjects = new ConcurrentHashMap<>();
    private volatile Instant lastRefresh = Instant.EPOCH;

    public RevocationList(RevocationRepository repository, Clock clock) {
        this.repository = Require.nonNull(repository, "repository");
        this.clock = Require.nonNull(clock, "clock");
    }

    public static String subjectKey(PrincipalType type, String id) {
        return type.wire() + ":" + id;
    }

    /** The revocation key of every token bound to a project. */
    public static String projectKey(String projectId) {
        return "project:" + projectId;
    }

    /**
     * True when the token was revoked by its jti, by a revocation of its subject issued after it, or by a
     * revocation of the project it is bound to ({@code projectId} may be null).
     */
    public boolean isRevoked(String jti, PrincipalType type, String subject, String projectId, Instant issuedAt) {
        if (jti != null && revokedJtis.containsKey(jti)) {
            return true;
        }
        if (revokedSubjects.isEmpty()) {
            return false;
        }
        return revokedBefore(subjectKey(type, subject), issuedAt)
                || (projectId != null && revokedBefore(projectKey(projectId), issuedAt));
    }

    private boolean revokedBefore(String key, Instant issuedAt) {
        Instant cutoff = revokedSubjects.get(key);
        // A token issued in the same second as the revocation is revoked too: iat has second precision.
        return cutoff != null && (issuedAt == null || !issuedAt.isAfter(cutoff));
    }

    /** Revokes one token; shared with every node through storage. */
    public void revokeToken(String jti, Instant expiresAt) {
        Instant now = clock.instant();
        repository.save(new Revocation(RevocationKind.JTI, jti, now, expiresAt));
        revokedJtis.put(jti, expiresAt == null ? Instant.MAX : expiresAt);
    }

    /** Revokes every token of a principal issued up to now. */
    public void revokeSubject(PrincipalType type, String id) {
        revokeKey(subjectKey(type, id));
    }

    /** Revokes every token bound to a project issued up to now. */
    public void revokeProject(String projectId) {
        revokeKey(projectKey(projectId));
    }

    private void revokeKey(String key) {
        Instant now = clock.instant();
        repository.save(new Revocation(RevocationKind.SUBJECT, key, now, null));
        revokedSubjects.merge(key, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Pulls revocations made on other nodes. */
    public void refresh() {
        Instant started = clock.instant();
        Instant since = lastRefresh.equals(Instant.EPOCH) ? Instant.EPOCH : lastRefresh.minus(OVERLAP);
        for (Revocation r : repository.listRevokedSince(since)) {
            if (r.kind() == RevocationKind.JTI) {
                revokedJtis.put(r.value(), r.expiresAt() == null ? Instant.MAX : r.expiresAt());
            } else {
                revokedSubjects.merge(r.value(), r.revokedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        lastRefresh = started;
    }

    /**
     * Drops entries of tokens that have expired anyway, from memory and from storage. Entries are kept for
     * one clock-skew beyond expiry, because verification tolerates that much.
     */
    public int purge(Duration skew) {
        Instant horizon = clock.instant().minus(skew);
        revokedJtis.values().removeIf(exp -> exp.isBefore(horizon));
        return repository.purgeExpired(horizon);
    }
}
