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
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folders (specs/infisical.md section 5, F1-F5, and the v2 paths of seed 003).
 *
 * <ul>
 *   <li>Create is idempotent and works like {@code mkdir -p}: missing parents are created, an existing
 *       folder is returned as it is.</li>
 *   <li>Rename moves the folder's whole subtree: sub-folders, the secrets in them and the imports placed in
 *       or reading from them follow. A sibling with the new name is a 400.</li>
 *   <li>Delete removes the folder, its sub-folders, their secrets (with their versions) and the imports
 *       placed in them; imports elsewhere that read from them stay and resolve to nothing.</li>
 * </ul>
 * Folder actions ask about {@code ari:secrets::<projectId>:folder/<env><path>} (see {@link SecretsAccess}).
 *
 * @since 0.1
 */
public final class FolderService {
    public static final int MAX_DESCRIPTION = 500;

    private final Transactions transactions;
    private final FolderRepository folders;
    private final SecretRepository secrets;
    private final SecretImportRepository imports;
    private final SecretScopes scopes;
    private final SecretsAccess access;
    private final AuditLog audit;
    private final SecretChangeSink sink;
    private final Clock clock;

    public FolderService(Transactions transactions, FolderRepository folders, SecretRepository secrets,
                         SecretImportRepository imports, SecretScopes scopes, SecretsAccess access, AuditLog audit,
                         SecretChangeSink sink, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.folders = Require.nonNull(folders, "folders");
        this.secrets = Require.nonNull(secrets, "secrets");
        this.imports = Require.nonNull(imports, "imports");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.audit = Require.nonNull(audit, "audit");
        this.sink = Require.nonNull(sink, "sink");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Creates {@code name} below {@code location.path()}, with any missing parents; returns it. */
    public FolderView create(Actor actor, SecretLocation location, String name, String description, RequestMeta meta) {
        String folderName = folderName(name, "name");
        String desc = Validate.optionalText(description, "description", MAX_DESCRIPTION);
        SecretScope scope = scopes.resolveEnvironment(actor, location, true);
        SecretPath target = scope.path().child(folderName);
        access.require(actor, scope.project(), SecretsAccess.CREATE_FOLDER, scope.at(target).folderAri(), meta);
        Instant now = clock.instant();
        transactions.run(() -> {
            for (SecretPath p : target.lineage()) {
                SecretFolder f = new SecretFolder(Ids.uuid(), scope.project().id(), scope.environment().id(), p,
                        p.equals(target) ? desc : null, 1, now, now);
                if (folders.insert(f)) {
                    record("folder.create", actor, scope, f, meta);
                }
            }
        });
        return view(scope, folders.find(scope.environment().id(), target).orElseThrow());
    }

    /** Direct sub-folders of the location (every descendant with {@code recursive}), ordered. */
    public List<FolderView> list(Actor actor, SecretLocation location, boolean recursive, RequestMeta meta) {
        SecretScope scope = scopes.resolve(actor, location, false);
        access.require(actor, scope.project(), SecretsAccess.LIST_FOLDERS, scope.folderAri(), meta);
        String envId = scope.environment().id();
        List<SecretFolder> list = recursive ? folders.findBelow(envId, scope.path()) : folders.findChildren(envId, scope.path());
        Map<String, String> ids = new HashMap<>();
        if (!scope.path().isRoot()) {
            folders.find(envId, scope.path()).ifPresent(f -> ids.put(f.path().value(), f.id()));
        }
        list.forEach(f -> ids.put(f.path().value(), f.id()));
        return list.stream().map(f -> new FolderView(f, scope.environment(), ids.get(f.path().parent().value()))).toList();
    }

    public FolderView get(Actor actor, String folderId, RequestMeta meta) {
        SecretFolder f = folders.findById(folderId == null ? "" : folderId)
                .orElseThrow(() -> LatchkeyException.notFound("folder", folderId));
        Project project = scopes.projectOf(actor, f.projectId(), false, "folder", folderId);
        Environment env = scopes.environmentById(project, f.environmentId());
        SecretScope scope = new SecretScope(project, env, f.path());
        access.require(actor, project, SecretsAccess.LIST_FOLDERS, scope.folderAri(), meta);
        return view(scope, f);
    }

    /**
     * Renames and/or re-describes the folder named by id (or by name below {@code location.path()}).
     */
    public FolderView update(Actor actor, SecretLocation location, String folderIdOrName, String newName, String description,
                             RequestMeta meta) {
        String name = newName == null ? null : folderName(newName, "name");
        String desc = Validate.optionalText(description, "description", MAX_DESCRIPTION);
        SecretScope scope = scopes.resolve(actor, location, true);
        SecretFolder folder = locate(scope, folderIdOrName);
        access.require(actor, scope.project(), SecretsAccess.UPDATE_FOLDER, scope.at(folder.path()).folderAri(), meta);
        SecretPath target = name == null ? folder.path() : folder.path().parent().child(name);
        Instant now = clock.instant();
        SecretFolder updated = transactions.inTransaction(() -> {
            if (!target.equals(folder.path())) {
                if (folders.find(scope.environment().id(), target).isPresent()) {
                    throw LatchkeyException.field(ErrorCode.ALREADY_EXISTS, "name", "a folder named " + name + " already exists here");
                }
                moveSubtree(scope.environment().id(), folder.path(), target, now);
            }
            SecretFolder f = folder.moved(target, desc == null ? folder.description() : desc, now);
            folders.update(f);
            record("folder.update", actor, scope, f, meta);
            return f;
        });
        return view(scope, updated);
    }

    /** Deletes the folder named by id (or by name below {@code location.path()}) with everything in it. */
    public FolderView delete(Actor actor, SecretLocation location, String folderIdOrName, RequestMeta meta) {
        SecretScope scope = scopes.resolve(actor, location, true);
        SecretFolder folder = locate(scope, folderIdOrName);
        SecretScope at = scope.at(folder.path());
        access.require(actor, scope.project(), SecretsAccess.DELETE_FOLDER, at.folderAri(), meta);
        String envId = scope.environment().id();
        FolderView before = view(scope, folder);
        transactions.run(() -> {
            List<Secret> gone = secrets.findUnder(envId, folder.path(), null);
            secrets.deleteUnder(envId, folder.path());
            imports.deleteUnder(envId, folder.path());
            folders.deleteUnder(envId, folder.path());
            record("folder.delete", actor, scope, folder, meta);
            Map<SecretPath, List<SecretChange>> byPath = new HashMap<>();
            gone.forEach(s -> byPath.computeIfAbsent(s.path(), k -> new ArrayList<>())
                    .add(new SecretChange(s.name(), SecretChange.Kind.DELETED, s.version())));
            byPath.forEach((path, changes) -> sink.changed(scope.at(path), changes));
        });
        return before;
    }

    private void moveSubtree(String envId, SecretPath from, SecretPath to, Instant now) {
        List<SecretFolder> below = folders.findBelow(envId, from);
        secrets.repoint(envId, from, to);
        imports.repoint(envId, from, to);
        for (SecretFolder f : below) {
            SecretPath moved = f.path().rebase(from, to);
            folders.update(f.moved(moved, f.description(), now));
            secrets.repoint(envId, f.path(), moved);
            imports.repoint(envId, f.path(), moved);
        }
    }

    /** A folder of the scope's environment by id, or by name directly below the scope's path. */
    private SecretFolder locate(SecretScope scope, String folderIdOrName) {
        if (folderIdOrName == null || folderIdOrName.isBlank()) {
            throw LatchkeyException.missingField("folderId");
        }
        String envId = scope.environment().id();
        Optional<SecretFolder> byId = Ids.isUuid(folderIdOrName) ? folders.findById(folderIdOrName)
                .filter(f -> f.environmentId().equals(envId)) : Optional.empty();
        if (byId.isPresent()) {
            return byId.get();
        }
        if (!SecretPath.isFolderName(folderIdOrName)) {
            throw LatchkeyException.notFound("folder", folderIdOrName);
        }
        return folders.find(envId, scope.path().child(folderIdOrName))
                .orElseThrow(() -> LatchkeyException.notFound("folder", folderIdOrName));
    }

    private FolderView view(SecretScope scope, SecretFolder f) {
        SecretPath parent = f.path().parent();
        String parentId = parent.isRoot() ? null
                : folders.find(scope.environment().id(), parent).map(SecretFolder::id).orElse(null);
        return new FolderView(f, scope.environment(), parentId);
    }

    /** Folder names: letters, digits, {@code -} and {@code _}; anything else is a 400 (spec section 5). */
    private static String folderName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        String n = name.trim();
        if (!SecretPath.isFolderName(n)) {
            throw LatchkeyException.field(ErrorCode.INVALID_REQUEST, field,
                    field + " must be 1 to " + SecretPath.MAX_SEGMENT + " letters, digits, dashes and underscores");
        }
        return n;
    }

    private void record(String action, Actor actor, SecretScope scope, SecretFolder f, RequestMeta meta) {
        audit.record(AuditRecord.builder(action, AuditOutcome.SUCCESS).actor(actor).meta(meta).org(scope.project().orgId())
                .project(scope.project().id()).target("folder", f.id()).detail("environment", scope.environmentSlug())
                .detail("path", f.path().value()));
    }
}
