package io.latchkey.core.secrets;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Secret imports (seed 003, {@code /api/v1|v2/secret-imports}): a place reads the secrets of another place
 * of the same project, resolved on read by {@link SecretReadService}. Managing imports asks about the
 * importing folder ({@code secrets:CreateImport} ... on {@code folder/<env><path>}); reading imported
 * secrets needs the usual permissions on the imported secrets themselves.
 *
 * @since 0.1
 */
public final class SecretImportService {
    public static final int MAX_IMPORTS = 50;

    private final Transactions transactions;
    private final SecretImportRepository imports;
    private final FolderRepository folders;
    private final SecretScopes scopes;
    private final SecretsAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public SecretImportService(Transactions transactions, SecretImportRepository imports, FolderRepository folders,
                               SecretScopes scopes, SecretsAccess access, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.imports = Require.nonNull(imports, "imports");
        this.folders = Require.nonNull(folders, "folders");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Imports ({@code sourceEnvironment}, {@code sourcePath}) at the location, last in order. */
    public SecretImportView create(Actor actor, SecretLocation location, String sourceEnvironment, SecretPath sourcePath,
                                   boolean replication, RequestMeta meta) {
        SecretScope scope = scopes.resolve(actor, location, true);
        Environment source = scopes.environment(scope.project(), sourceEnvironment, true);
        scopes.requireFolder(source, sourcePath);
        if (source.id().equals(scope.environment().id()) && sourcePath.equals(scope.path())) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "import.path", "a folder cannot import itself");
        }
        access.require(actor, scope.project(), SecretsAccess.CREATE_IMPORT, scope.folderAri(), meta);
        Instant now = clock.instant();
        SecretImport created = transactions.inTransaction(() -> {
            List<SecretImport> existing = imports.findAt(scope.environment().id(), scope.path());
            if (existing.size() >= MAX_IMPORTS) {
                throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, "import", "a folder has at most " + MAX_IMPORTS + " imports");
            }
            SecretImport i = new SecretImport(Ids.uuid(), scope.project().id(), scope.environment().id(), scope.path(),
                    source.id(), sourcePath, existing.size() + 1, replication, now, now);
            if (!imports.insert(i)) {
                throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "import", "this folder already imports "
                        + source.slug() + " " + sourcePath.value());
            }
            record("secret-import.create", actor, scope, i, meta);
            return i;
        });
        return view(scope, created);
    }

    public List<SecretImportView> list(Actor actor, SecretLocation location, RequestMeta meta) {
        SecretScope scope = scopes.resolve(actor, location, false);
        access.require(actor, scope.project(), SecretsAccess.LIST_IMPORTS, scope.folderAri(), meta);
        return imports.findAt(scope.environment().id(), scope.path()).stream().map(i -> view(scope, i)).toList();
    }

    public SecretImportView get(Actor actor, String importId, RequestMeta meta) {
        SecretScope scope = scopeOf(actor, importId);
        access.require(actor, scope.project(), SecretsAccess.LIST_IMPORTS, scope.folderAri(), meta);
        return view(scope, imports.findById(importId).orElseThrow());
    }

    /**
     * Changes the source and/or the position of an import; the other imports of the place shift to keep
     * positions 1..n.
     */
    public SecretImportView update(Actor actor, String importId, String sourceEnvironment, SecretPath sourcePath,
                                   Integer position, RequestMeta meta) {
        SecretScope scope = scopeOf(actor, importId);
        access.require(actor, scope.project(), SecretsAccess.UPDATE_IMPORT, scope.folderAri(), meta);
        SecretImport current = imports.findById(importId).orElseThrow();
        Environment source = sourceEnvironment == null ? scopes.environmentById(scope.project(), current.importEnvironmentId())
                : scopes.environment(scope.project(), sourceEnvironment, true);
        SecretPath path = sourcePath == null ? current.importPath() : sourcePath;
        scopes.requireFolder(source, path);
        Instant now = clock.instant();
        SecretImport updated = transactions.inTransaction(() -> {
            List<SecretImport> all = new ArrayList<>(imports.findAt(scope.environment().id(), scope.path()));
            all.removeIf(i -> i.id().equals(importId));
            int at = position == null ? current.position() : position;
            if (at < 1 || at > all.size() + 1) {
                throw LatchkeyException.invalidField("import.position", "import.position must be between 1 and " + (all.size() + 1));
            }
            all.add(at - 1, current.withSource(source.id(), path, at, now));
            for (int i = 0; i < all.size(); i++) {
                SecretImport x = all.get(i);
                imports.update(x.withSource(x.importEnvironmentId(), x.importPath(), i + 1, x.id().equals(importId) ? now : x.updatedAt()));
            }
            SecretImport result = imports.findById(importId).orElseThrow();
            record("secret-import.update", actor, scope, result, meta);
            return result;
        });
        return view(scope, updated);
    }

    public SecretImportView delete(Actor actor, String importId, RequestMeta meta) {
        SecretScope scope = scopeOf(actor, importId);
        access.require(actor, scope.project(), SecretsAccess.DELETE_IMPORT, scope.folderAri(), meta);
        SecretImport current = imports.findById(importId).orElseThrow();
        transactions.run(() -> {
            imports.delete(current.projectId(), current.id());
            List<SecretImport> rest = imports.findAt(scope.environment().id(), scope.path());
            for (int i = 0; i < rest.size(); i++) {
                SecretImport x = rest.get(i);
                if (x.position() != i + 1) {
                    imports.update(x.withSource(x.importEnvironmentId(), x.importPath(), i + 1, x.updatedAt()));
                }
            }
            record("secret-import.delete", actor, scope, current, meta);
        });
        return view(scope, current);
    }

    /** The place an import lives in, in a project the caller may see. */
    private SecretScope scopeOf(Actor actor, String importId) {
        SecretImport i = imports.findById(importId == null ? "" : importId)
                .orElseThrow(() -> LatchkeyException.notFound("secret import", importId));
        Project project = scopes.projectOf(actor, i.projectId(), false, "secret import", importId);
        return new SecretScope(project, scopes.environmentById(project, i.environmentId()), i.path());
    }

    private SecretImportView view(SecretScope scope, SecretImport i) {
        String folderId = i.path().isRoot() ? null
                : folders.find(i.environmentId(), i.path()).map(SecretFolder::id).orElse(null);
        return new SecretImportView(i, scope.environment(), scopes.environmentById(scope.project(), i.importEnvironmentId()), folderId);
    }

    private void record(String action, Actor actor, SecretScope scope, SecretImport i, RequestMeta meta) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(scope.project().orgId())
                .project(scope.project().id()).target("secret-import", i.id()).detail("environment", scope.environmentSlug())
                .detail("path", i.path().value()).detail("importPath", i.importPath().value()));
    }
}
