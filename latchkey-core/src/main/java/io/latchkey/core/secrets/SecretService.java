package io.latchkey.core.secrets;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes secrets (specs/infisical.md section 4, S3-S5, batches, move) and rolls them back. Every write is a
 * new version, sealed under the new version's context, appended to the version history, audited and handed
 * to the {@link SecretChangeSink} in one transaction.
 *
 * <p>All-or-nothing: a request (single or batch) is validated and authorized entry by entry before anything
 * is written, and written in one transaction, so one bad entry changes nothing.
 *
 * <p>Concurrency: the row is locked before it is read for an update, and the update is conditional on the
 * version read, so two writers never silently overwrite each other; a caller that names the version it saw
 * ({@link SecretChanges#expectedVersion}) gets {@code version_mismatch} (409) when someone wrote in between.
 *
 * @since 0.1
 */
public final class SecretService {
    private final Transactions transactions;
    private final SecretRepository secrets;
    private final SecretScopes scopes;
    private final SecretsAccess access;
    private final SecretCipher cipher;
    private final SecretOpener opener;
    private final AuditLog audit;
    private final SecretChangeSink sink;
    private final Clock clock;

    /** One entry of an update: which secret, and what to change. */
    public record Update(String name, SecretType type, SecretChanges changes) {
    }

    /** One entry of a deletion. */
    public record Target(String name, SecretType type, Integer expectedVersion) {
    }

    /** What a move changed (specs/infisical.md, the v4 move endpoint of seed 003). */
    public record MoveResult(boolean sourceUpdated, boolean destinationUpdated) {
    }

    public SecretService(Transactions transactions, SecretRepository secrets, SecretScopes scopes, SecretsAccess access,
                         SecretCipher cipher, SecretOpener opener, AuditLog audit, SecretChangeSink sink, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.secrets = Require.nonNull(secrets, "secrets");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.cipher = Require.nonNull(cipher, "cipher");
        this.opener = Require.nonNull(opener, "opener");
        this.audit = Require.nonNull(audit, "audit");
        this.sink = Require.nonNull(sink, "sink");
        this.clock = Require.nonNull(clock, "clock");
    }

    public PlainSecret create(Actor actor, SecretLocation location, SecretDraft draft, RequestMeta meta) {
        return createAll(actor, location, List.of(draft), "", meta).get(0);
    }

    /**
     * Creates every draft or none. {@code fieldPrefix} names the request member of the entries in errors
     * ({@code "secrets"} for a batch, empty for a single secret).
     */
    public List<PlainSecret> createAll(Actor actor, SecretLocation location, List<SecretDraft> drafts, String fieldPrefix,
                                       RequestMeta meta) {
        requireEntries(drafts, fieldPrefix);
        SecretScope scope = scopes.resolve(actor, location, true);
        Instant now = clock.instant();
        List<Secret> prepared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            Secret s = prepare(actor, scope, drafts.get(i), field(fieldPrefix, i), now);
            unique(seen, s.name(), s.type(), field(fieldPrefix, i) + "secretKey");
            prepared.add(s);
        }
        prepared.forEach(s -> access.require(actor, scope.project(), SecretsAccess.CREATE, scope.secretAri(s.name()), meta));
        transactions.run(() -> {
            List<SecretChange> changes = new ArrayList<>();
            for (Secret s : prepared) {
                insertNew(scope, s);
                record("secret.create", actor, scope, s, meta);
                changes.add(new SecretChange(s.name(), SecretChange.Kind.CREATED, s.version()));
            }
            sink.changed(scope, changes);
        });
        return opener.session(actor, scope.project(), true, false, meta).openAll(prepared, scope.environmentSlug());
    }

    public PlainSecret update(Actor actor, SecretLocation location, Update update, RequestMeta meta) {
        return updateAll(actor, location, List.of(update), false, "", meta).get(0);
    }

    /** Updates every entry or none; with {@code upsert}, a missing secret is created from the entry. */
    public List<PlainSecret> updateAll(Actor actor, SecretLocation location, List<Update> updates, boolean upsert,
                                       String fieldPrefix, RequestMeta meta) {
        requireEntries(updates, fieldPrefix);
        SecretScope scope = scopes.resolve(actor, location, true);
        List<Update> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < updates.size(); i++) {
            Update u = validate(actor, updates.get(i), field(fieldPrefix, i));
            unique(seen, u.name(), u.type(), field(fieldPrefix, i) + "secretKey");
            authorizeUpdate(actor, scope, u, upsert, meta);
            valid.add(u);
        }
        Instant now = clock.instant();
        List<Secret> written = transactions.inTransaction(() -> {
            List<Secret> out = new ArrayList<>();
            List<SecretChange> changes = new ArrayList<>();
            for (Update u : valid) {
                Secret s = apply(actor, scope, u, upsert, now);
                boolean created = s.version() == 1;
                record(created ? "secret.create" : "secret.update", actor, scope, s, meta);
                changes.add(new SecretChange(s.name(), created ? SecretChange.Kind.CREATED : SecretChange.Kind.UPDATED, s.version()));
                out.add(s);
            }
            sink.changed(scope, changes);
            return out;
        });
        return opener.session(actor, scope.project(), true, false, meta).openAll(written, scope.environmentSlug());
    }

    public PlainSecret delete(Actor actor, SecretLocation location, Target target, RequestMeta meta) {
        return deleteAll(actor, location, List.of(target), "", meta).get(0);
    }

    /** Deletes every entry or none; answers the deleted secrets as they were. */
    public List<PlainSecret> deleteAll(Actor actor, SecretLocation location, List<Target> targets, String fieldPrefix,
                                       RequestMeta meta) {
        requireEntries(targets, fieldPrefix);
        SecretScope scope = scopes.resolve(actor, location, true);
        List<Target> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String name = SecretValues.name(t == null ? null : t.name(), field(fieldPrefix, i) + "secretKey");
            SecretType type = t.type() == null ? SecretType.SHARED : t.type();
            owner(actor, type);
            unique(seen, name, type, field(fieldPrefix, i) + "secretKey");
            access.require(actor, scope.project(), SecretsAccess.DELETE, scope.secretAri(name), meta);
            valid.add(new Target(name, type, t.expectedVersion()));
        }
        List<Secret> deleted = transactions.inTransaction(() -> {
            List<Secret> out = new ArrayList<>();
            for (Target t : valid) {
                Secret s = secrets.lock(scope.environment().id(), scope.path(), t.name(), t.type(), owner(actor, t.type()))
                        .orElseThrow(() -> LatchkeyException.notFound("secret", t.name()));
                checkVersion(t.expectedVersion(), s);
                secrets.delete(s.projectId(), s.id());
                record("secret.delete", actor, scope, s, meta);
                out.add(s);
            }
            sink.changed(scope, out.stream().map(s -> new SecretChange(s.name(), SecretChange.Kind.DELETED, s.version())).toList());
            return out;
        });
        return opener.session(actor, scope.project(), true, false, meta).openAll(deleted, scope.environmentSlug());
    }

    /**
     * Moves shared secrets, by id, from one place to another of the same project; each moved secret keeps its
     * id and history and gets a new version. A name taken at the destination fails the whole move unless
     * {@code overwrite}, which replaces the destination's secret.
     */
    public MoveResult move(Actor actor, SecretLocation source, String destinationEnvironment, SecretPath destinationPath,
                           List<String> secretIds, boolean overwrite, RequestMeta meta) {
        if (secretIds == null || secretIds.isEmpty()) {
            throw LatchkeyException.missingField("secretIds");
        }
        SecretScope from = scopes.resolve(actor, source, true);
        SecretScope to = scopes.resolve(actor, source.at(destinationEnvironment, destinationPath), true);
        if (from.environment().id().equals(to.environment().id()) && from.path().equals(to.path())) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "destinationSecretPath",
                    "the destination is the source; nothing to move");
        }
        Instant now = clock.instant();
        transactions.run(() -> {
            List<SecretChange> removed = new ArrayList<>();
            List<SecretChange> added = new ArrayList<>();
            for (String id : new java.util.LinkedHashSet<>(secretIds)) {
                Secret moved = moveOne(actor, from, to, id, overwrite, now, meta);
                removed.add(new SecretChange(moved.name(), SecretChange.Kind.DELETED, moved.version() - 1));
                added.add(new SecretChange(moved.name(), SecretChange.Kind.CREATED, moved.version()));
            }
            sink.changed(from, removed);
            sink.changed(to, added);
        });
        return new MoveResult(true, true);
    }

    private Secret moveOne(Actor actor, SecretScope from, SecretScope to, String id, boolean overwrite, Instant now,
                           RequestMeta meta) {
        Secret s = secrets.lockById(id).filter(x -> x.projectId().equals(from.project().id())
                        && x.environmentId().equals(from.environment().id()) && x.path().equals(from.path())
                        && x.type() == SecretType.SHARED)
                .orElseThrow(() -> LatchkeyException.notFound("secret", id));
        access.require(actor, from.project(), SecretsAccess.DELETE, from.secretAri(s.name()), meta);
        access.require(actor, to.project(), SecretsAccess.CREATE, to.secretAri(s.name()), meta);
        secrets.lock(to.environment().id(), to.path(), s.name(), SecretType.SHARED, null).ifPresent(existing -> {
            if (!overwrite) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "secretIds",
                        "secret " + s.name() + " already exists at the destination (set shouldOverwrite to replace it)");
            }
            access.require(actor, to.project(), SecretsAccess.UPDATE, to.secretAri(s.name()), meta);
            secrets.delete(existing.projectId(), existing.id());
        });
        Secret moved = reseal(from.project(), s, s.version() + 1, cipher.openValue(from.project(), s),
                cipher.openComment(from.project(), s)).environmentId(to.environment().id()).path(to.path())
                .actor(actor.type().wire(), actor.id()).updatedAt(now).build();
        store(moved, s.version());
        audit.record(base("secret.move", actor, to, moved, meta).detail("fromEnvironment", from.environmentSlug())
                .detail("fromSecretPath", from.path().value()));
        return moved;
    }

    /**
     * Writes a new version equal to version {@code version} of the secret (value, comment, tags, metadata and
     * options; the name and place stay). Needs {@code secrets:Rollback} only: the caller never sees the value
     * unless it may also read it.
     */
    public PlainSecret rollback(Actor actor, String secretId, int version, RequestMeta meta) {
        Secret current = secrets.findById(secretId == null ? "" : secretId)
                .filter(s -> s.ownerId() == null || actor.type() == PrincipalType.USER && actor.id().equals(s.ownerId()))
                .orElseThrow(() -> LatchkeyException.notFound("secret", secretId));
        Project project = scopes.projectOf(actor, current.projectId(), true, "secret", secretId);
        Environment env = scopes.environmentById(project, current.environmentId());
        SecretScope scope = new SecretScope(project, env, current.path());
        access.require(actor, project, SecretsAccess.ROLLBACK, scope.secretAri(current.name()), meta);
        Instant now = clock.instant();
        Secret written = transactions.inTransaction(() -> {
            Secret cur = secrets.lockById(secretId).orElseThrow(() -> LatchkeyException.notFound("secret", secretId));
            Secret old = secrets.findVersion(secretId, version)
                    .orElseThrow(() -> LatchkeyException.notFound("secret version", Integer.toString(version)));
            Secret next = reseal(project, cur, cur.version() + 1, cipher.openValue(project, old), cipher.openComment(project, old))
                    .tags(old.tags()).metadata(old.metadata()).skipMultilineEncoding(old.skipMultilineEncoding())
                    .reminder(old.reminderNote(), old.reminderRepeatDays()).actor(actor.type().wire(), actor.id())
                    .updatedAt(now).build();
            store(next, cur.version());
            audit.record(base("secret.rollback", actor, scope, next, meta).detail("toVersion", Integer.toString(version)));
            sink.changed(scope, List.of(new SecretChange(next.name(), SecretChange.Kind.UPDATED, next.version())));
            return next;
        });
        return opener.session(actor, project, true, false, meta).open(written, env.slug());
    }

    private Secret prepare(Actor actor, SecretScope scope, SecretDraft d, String prefix, Instant now) {
        if (d == null) {
            throw LatchkeyException.invalidField(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "entry must be an object");
        }
        String name = SecretValues.name(d.name(), prefix + "secretKey");
        String value = SecretValues.value(d.value(), prefix + "secretValue");
        String comment = SecretValues.comment(d.comment(), prefix + "secretComment");
        SecretType type = d.type() == null ? SecretType.SHARED : d.type();
        String id = Ids.uuid();
        Project p = scope.project();
        return Secret.builder().id(id).projectId(p.id()).environmentId(scope.environment().id()).path(scope.path())
                .name(name).type(type).ownerId(owner(actor, type)).version(1)
                .sealedValue(cipher.sealValue(p, id, 1, value)).sealedComment(cipher.sealComment(p, id, 1, comment))
                .skipMultilineEncoding(d.skipMultilineEncoding())
                .reminder(d.reminderNote(), reminderDays(d.reminderRepeatDays(), prefix))
                .tags(SecretValues.tags(d.tags(), prefix + "tagIds"))
                .metadata(SecretValues.metadata(d.metadata(), prefix + "secretMetadata"))
                .actor(actor.type().wire(), actor.id()).createdAt(now).updatedAt(now).build();
    }

    private Update validate(Actor actor, Update u, String prefix) {
        if (u == null || u.changes() == null) {
            throw LatchkeyException.invalidField(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "entry must be an object");
        }
        SecretChanges c = u.changes();
        String name = SecretValues.name(u.name(), prefix + "secretKey");
        SecretType type = u.type() == null ? SecretType.SHARED : u.type();
        owner(actor, type);
        SecretChanges normalized = new SecretChanges(
                c.value() == null ? null : SecretValues.value(c.value(), prefix + "secretValue"),
                c.newName() == null || c.newName().isEmpty() ? null : SecretValues.name(c.newName(), prefix + "newSecretName"),
                c.comment() == null ? null : SecretValues.comment(c.comment(), prefix + "secretComment"),
                c.skipMultilineEncoding(),
                c.tags() == null ? null : SecretValues.tags(c.tags(), prefix + "tagIds"),
                c.metadata() == null ? null : SecretValues.metadata(c.metadata(), prefix + "secretMetadata"),
                c.reminderNote(), reminderDays(c.reminderRepeatDays(), prefix), c.expectedVersion());
        return new Update(name, type, normalized);
    }

    private void authorizeUpdate(Actor actor, SecretScope scope, Update u, boolean upsert, RequestMeta meta) {
        access.require(actor, scope.project(), SecretsAccess.UPDATE, scope.secretAri(u.name()), meta);
        if (u.changes().newName() != null && !u.changes().newName().equals(u.name())) {
            access.require(actor, scope.project(), SecretsAccess.UPDATE, scope.secretAri(u.changes().newName()), meta);
        }
        if (upsert) {
            access.require(actor, scope.project(), SecretsAccess.CREATE, scope.secretAri(u.name()), meta);
        }
    }

    private Secret apply(Actor actor, SecretScope scope, Update u, boolean upsert, Instant now) {
        String owner = owner(actor, u.type());
        String envId = scope.environment().id();
        java.util.Optional<Secret> current = secrets.lock(envId, scope.path(), u.name(), u.type(), owner);
        if (current.isEmpty() && upsert) {
            return createFromUpdate(actor, scope, u, now);
        }
        Secret old = current.orElseThrow(() -> LatchkeyException.notFound("secret", u.name()));
        SecretChanges c = u.changes();
        checkVersion(c.expectedVersion(), old);
        String name = c.newName() == null ? old.name() : c.newName();
        if (!name.equals(old.name()) && secrets.find(envId, scope.path(), name, u.type(), owner).isPresent()) {
            throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "newSecretName", "secret " + name + " already exists");
        }
        Project p = scope.project();
        String value = c.value() != null ? c.value() : cipher.openValue(p, old);
        String comment = c.comment() != null ? c.comment() : cipher.openComment(p, old);
        Secret next = reseal(p, old, old.version() + 1, value, comment).name(name)
                .skipMultilineEncoding(c.skipMultilineEncoding() != null ? c.skipMultilineEncoding() : old.skipMultilineEncoding())
                .tags(c.tags() != null ? c.tags() : old.tags())
                .metadata(c.metadata() != null ? c.metadata() : old.metadata())
                .reminder(c.reminderNote() != null ? c.reminderNote() : old.reminderNote(),
                        c.reminderRepeatDays() != null ? c.reminderRepeatDays() : old.reminderRepeatDays())
                .actor(actor.type().wire(), actor.id()).updatedAt(now).build();
        store(next, old.version());
        return next;
    }

    private Secret createFromUpdate(Actor actor, SecretScope scope, Update u, Instant now) {
        SecretChanges c = u.changes();
        if (c.value() == null) {
            throw LatchkeyException.missingField("secretValue");
        }
        Secret s = prepare(actor, scope, new SecretDraft(u.name(), c.value(), c.comment(), u.type(), c.skipMultilineEncoding(),
                c.tags(), c.metadata(), c.reminderNote(), c.reminderRepeatDays()), "", now);
        insertNew(scope, s);
        return s;
    }

    private Secret.Builder reseal(Project p, Secret s, int version, String value, String comment) {
        return s.toBuilder().version(version).sealedValue(cipher.sealValue(p, s.id(), version, value))
                .sealedComment(cipher.sealComment(p, s.id(), version, comment));
    }

    private void insertNew(SecretScope scope, Secret s) {
        if (!secrets.insert(s)) {
            throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "secretKey", "secret " + s.name() + " already exists in "
                    + scope.environmentSlug() + " at " + scope.path().value());
        }
        secrets.insertVersion(s);
    }

    private void store(Secret next, int expectedVersion) {
        if (!secrets.update(next, expectedVersion)) {
            throw versionMismatch(next.name());
        }
        secrets.insertVersion(next);
    }

    private static void checkVersion(Integer expected, Secret current) {
        if (expected != null && expected != current.version()) {
            throw versionMismatch(current.name()).withDetail("currentVersion", current.version());
        }
    }

    private static LatchkeyException versionMismatch(String name) {
        return LatchkeyException.of(ErrorCode.VERSION_MISMATCH,
                "secret " + name + " was changed by someone else; read it again and retry");
    }

    /** The owner of a secret of this type written by this actor: a user for personal secrets, none for shared. */
    static String owner(Actor actor, SecretType type) {
        if (type != SecretType.PERSONAL) {
            return null;
        }
        if (actor.type() != PrincipalType.USER) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "type",
                    "personal secrets belong to users; a " + actor.type().wire() + " can only use shared secrets");
        }
        return actor.id();
    }

    private static Integer reminderDays(Integer days, String prefix) {
        if (days != null && (days < 1 || days > 365)) {
            throw LatchkeyException.invalidField(prefix + "secretReminderRepeatDays",
                    prefix + "secretReminderRepeatDays must be between 1 and 365");
        }
        return days;
    }

    private static void unique(Set<String> seen, String name, SecretType type, String field) {
        if (!seen.add(type.wire() + "|" + name)) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, field, "secret " + name + " appears twice in the request");
        }
    }

    private static void requireEntries(List<?> entries, String fieldPrefix) {
        if (entries == null || entries.isEmpty()) {
            throw LatchkeyException.missingField(fieldPrefix.isEmpty() ? "secret" : fieldPrefix);
        }
        if (entries.size() > 1000) {
            throw LatchkeyException.invalidField(fieldPrefix, fieldPrefix + " must have at most 1000 entries");
        }
    }

    private static String field(String prefix, int index) {
        return prefix.isEmpty() ? "" : prefix + "[" + index + "].";
    }

    private void record(String action, Actor actor, SecretScope scope, Secret s, RequestMeta meta) {
        audit.record(base(action, actor, scope, s, meta));
    }

    /** INVARIANT: audit details name the secret and its place, never its value or comment. */
    private static AuditRecord.Builder base(String action, Actor actor, SecretScope scope, Secret s, RequestMeta meta) {
        return AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(scope.project().orgId())
                .project(scope.project().id()).target("secret", s.id()).detail("environment", scope.environmentSlug())
                .detail("secretPath", s.path().value()).detail("secretKey", s.name()).detail("type", s.type().wire())
                .detail("version", Integer.toString(s.version()));
    }
}
