package io.latchkey.core.secrets;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads secrets (specs/infisical.md section 4, S1 and S2, get by id) and their versions.
 *
 * <p>Visibility: a secret appears when the caller may describe it ({@code secrets:List} or
 * {@code secrets:Read} on its resource name); lists are filtered secret by secret, and a list with nothing
 * visible is a denial naming {@code secrets:List} on the folder's secrets unless the caller may list them,
 * so a reader of one environment learns nothing about another's secret names. Values need
 * {@code secrets:Read} (else they are masked, see {@link SecretOpener}).
 *
 * <p>Personal overrides: for a user, a personal secret replaces the shared secret of the same name in
 * lists; a get returns the type asked for. References resolve against shared secrets.
 *
 * <p>Hot path: {@link #get} costs the cached scope lookups, policy evaluations in memory and one indexed
 * query (the folder is only looked up when the secret is not found, to answer "folder not found");
 * references and imports add queries only when present.
 *
 * @since 0.1
 */
public final class SecretReadService {
    private final SecretRepository secrets;
    private final FolderRepository folders;
    private final SecretImportRepository imports;
    private final SecretScopes scopes;
    private final SecretsAccess access;
    private final SecretOpener opener;

    /**
     * How to read. Defaults as the spec gives them for a server: no expansion, values shown, no imports, one
     * folder.
     *
     * @param metadataFilter pairs that must all be present; a null value matches any value of the key
     */
    public record Options(boolean expandReferences, boolean viewValue, boolean includeImports, boolean recursive,
                          List<String> tagSlugs, List<SecretMetadata> metadataFilter) {
        public Options {
            tagSlugs = tagSlugs == null ? List.of() : List.copyOf(tagSlugs);
            metadataFilter = metadataFilter == null ? List.of() : List.copyOf(metadataFilter);
        }

        public static Options defaults() {
            return new Options(false, true, false, false, List.of(), List.of());
        }
    }

    /** A list answer: the folder's secrets and, when asked for, the secrets of its imports. */
    public record Listing(List<PlainSecret> secrets, List<ImportedSecrets> imports) {
    }

    /** The secrets one import brings, with where they come from. */
    public record ImportedSecrets(String environment, SecretPath path, String folderId, List<PlainSecret> secrets) {
    }

    public SecretReadService(SecretRepository secrets, FolderRepository folders, SecretImportRepository imports,
                             SecretScopes scopes, SecretsAccess access, SecretOpener opener) {
        this.secrets = Require.nonNull(secrets, "secrets");
        this.folders = Require.nonNull(folders, "folders");
        this.imports = Require.nonNull(imports, "imports");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.opener = Require.nonNull(opener, "opener");
    }

    public Listing list(Actor actor, SecretLocation location, Options options, RequestMeta meta) {
        SecretScope scope = scopes.resolveEnvironment(actor, location, false);
        String owner = personalOwner(actor);
        String envId = scope.environment().id();
        List<Secret> rows = options.recursive() ? secrets.findUnder(envId, scope.path(), owner)
                : secrets.findInFolder(envId, scope.path(), owner);
        if (rows.isEmpty()) {
            // A folder holding secrets exists; only an empty answer needs the folder check (404 when unknown).
            scopes.requireFolder(scope.environment(), scope.path());
        }
        List<Secret> visible = visible(actor, scope, filter(overlayPersonal(rows), options), meta);
        if (visible.isEmpty()) {
            String folderSecrets = SecretsAccess.folderSecretsAri(scope.project().id(), scope.environmentSlug(), scope.path());
            if (!access.mayDescribe(actor, scope.project(), folderSecrets, meta)) {
                access.require(actor, scope.project(), SecretsAccess.LIST, folderSecrets, meta);
            }
        }
        SecretOpener.Session session = opener.session(actor, scope.project(), options.viewValue(), options.expandReferences(), meta);
        List<PlainSecret> opened = session.openAll(visible, scope.environmentSlug());
        return new Listing(opened, options.includeImports() ? resolveImports(actor, scope, options, session, meta) : null);
    }

    /** The secrets brought by the imports of a place (the secret-imports "raw secrets" endpoint). */
    public List<ImportedSecrets> imported(Actor actor, SecretLocation location, Options options, RequestMeta meta) {
        SecretScope scope = scopes.resolve(actor, location, false);
        SecretOpener.Session session = opener.session(actor, scope.project(), options.viewValue(), options.expandReferences(), meta);
        return resolveImports(actor, scope, options, session, meta);
    }

    /**
     * One secret by name; {@code version} reads that version. With {@code includeImports}, a name missing in
     * the folder is looked up in its imports, in order.
     */
    public PlainSecret get(Actor actor, SecretLocation location, String name, SecretType type, Integer version,
                           Options options, RequestMeta meta) {
        SecretScope scope = scopes.resolveEnvironment(actor, location, false);
        String secretName = SecretValues.name(name, "secretName");
        SecretType t = type == null ? SecretType.SHARED : type;
        String owner = SecretService.owner(actor, t);
        String ari = scope.secretAri(secretName);
        if (!access.mayDescribe(actor, scope.project(), ari, meta)) {
            access.require(actor, scope.project(), SecretsAccess.READ, ari, meta);
        }
        SecretOpener.Session session = opener.session(actor, scope.project(), options.viewValue(), options.expandReferences(), meta);
        Optional<Secret> found = secrets.find(scope.environment().id(), scope.path(), secretName, t, owner);
        if (found.isEmpty()) {
            scopes.requireFolder(scope.environment(), scope.path());
        }
        if (found.isEmpty() && options.includeImports()) {
            Optional<PlainSecret> imported = findInImports(actor, scope, secretName, session, meta);
            if (imported.isPresent()) {
                return imported.get();
            }
        }
        Secret s = found.orElseThrow(() -> LatchkeyException.notFound("secret", secretName));
        if (version != null && version != s.version()) {
            s = secrets.findVersion(s.id(), version)
                    .orElseThrow(() -> LatchkeyException.notFound("secret version", Integer.toString(version)));
        }
        return session.open(s, scope.environmentSlug());
    }

    public PlainSecret getById(Actor actor, String secretId, Options options, RequestMeta meta) {
        Located l = locate(actor, secretId, meta);
        return opener.session(actor, l.project, options.viewValue(), options.expandReferences(), meta)
                .open(l.secret, l.environment.slug());
    }

    /** The versions of a secret, newest first; values need {@code secrets:Read} and are never expanded. */
    public List<PlainSecret> versions(Actor actor, String secretId, int offset, int limit, boolean viewValue, RequestMeta meta) {
        Located l = locate(actor, secretId, meta);
        List<Secret> list = secrets.findVersions(secretId, offset, limit);
        return opener.session(actor, l.project, viewValue, false, meta).openAll(list, l.environment.slug());
    }

    public PlainSecret version(Actor actor, String secretId, int version, boolean viewValue, RequestMeta meta) {
        Located l = locate(actor, secretId, meta);
        Secret v = secrets.findVersion(secretId, version)
                .orElseThrow(() -> LatchkeyException.notFound("secret version", Integer.toString(version)));
        return opener.session(actor, l.project, viewValue, false, meta).open(v, l.environment.slug());
    }

    /** A secret found by id, in a project the caller may see, which the caller may describe. */
    private record Located(Project project, Environment environment, Secret secret) {
    }

    private Located locate(Actor actor, String secretId, RequestMeta meta) {
        Secret s = secrets.findById(secretId == null ? "" : secretId)
                .orElseThrow(() -> LatchkeyException.notFound("secret", secretId));
        Project project = scopes.projectOf(actor, s.projectId(), false, "secret", secretId);
        Environment env = scopes.environmentById(project, s.environmentId());
        if (s.ownerId() != null && !(actor.type() == PrincipalType.USER && actor.id().equals(s.ownerId()))) {
            throw LatchkeyException.notFound("secret", secretId);
        }
        String ari = SecretsAccess.secretAri(project.id(), env.slug(), s.path(), s.name());
        if (!access.mayDescribe(actor, project, ari, meta)) {
            access.require(actor, project, SecretsAccess.READ, ari, meta);
        }
        return new Located(project, env, s);
    }

    private List<ImportedSecrets> resolveImports(Actor actor, SecretScope scope, Options options, SecretOpener.Session session,
                                                 RequestMeta meta) {
        List<ImportedSecrets> out = new ArrayList<>();
        boolean mayListImports = access.allowed(actor, scope.project(), SecretsAccess.LIST_IMPORTS, scope.folderAri(), meta);
        for (SecretImport imp : imports.findAt(scope.environment().id(), scope.path())) {
            Environment env = scopes.environmentById(scope.project(), imp.importEnvironmentId());
            SecretScope source = new SecretScope(scope.project(), env, imp.importPath());
            List<Secret> rows = overlayPersonal(secrets.findInFolder(env.id(), imp.importPath(), personalOwner(actor)));
            List<Secret> visible = visible(actor, source, filter(rows, options), meta);
            if (visible.isEmpty() && !mayListImports) {
                continue; // where a folder imports from is itself information: show it only to who may see it
            }
            String folderId = imp.importPath().isRoot() ? null
                    : folders.find(env.id(), imp.importPath()).map(SecretFolder::id).orElse(null);
            out.add(new ImportedSecrets(env.slug(), imp.importPath(), folderId, session.openAll(visible, env.slug())));
        }
        return out;
    }

    private Optional<PlainSecret> findInImports(Actor actor, SecretScope scope, String name, SecretOpener.Session session,
                                                RequestMeta meta) {
        for (SecretImport imp : imports.findAt(scope.environment().id(), scope.path())) {
            Environment env = scopes.environmentById(scope.project(), imp.importEnvironmentId());
            String ari = SecretsAccess.secretAri(scope.project().id(), env.slug(), imp.importPath(), name);
            if (!access.mayDescribe(actor, scope.project(), ari, meta)) {
                continue;
            }
            Optional<Secret> s = secrets.find(env.id(), imp.importPath(), name, SecretType.SHARED, null);
            if (s.isPresent()) {
                return Optional.of(session.open(s.get(), env.slug()));
            }
        }
        return Optional.empty();
    }

    private List<Secret> visible(Actor actor, SecretScope scope, List<Secret> rows, RequestMeta meta) {
        List<Secret> out = new ArrayList<>(rows.size());
        for (Secret s : rows) {
            String ari = SecretsAccess.secretAri(scope.project().id(), scope.environmentSlug(), s.path(), s.name());
            if (access.mayDescribe(actor, scope.project(), ari, meta)) {
                out.add(s);
            }
        }
        return out;
    }

    /** For a user, personal secrets replace the shared secrets of the same name and folder. */
    static List<Secret> overlayPersonal(List<Secret> rows) {
        Map<String, Secret> byName = new LinkedHashMap<>();
        for (Secret s : rows) {
            String key = s.path().value() + "|" + s.name();
            if (s.type() == SecretType.PERSONAL || !byName.containsKey(key)) {
                byName.put(key, s);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static List<Secret> filter(List<Secret> rows, Options options) {
        if (options.tagSlugs().isEmpty() && options.metadataFilter().isEmpty()) {
            return rows;
        }
        return rows.stream().filter(s -> options.tagSlugs().isEmpty() || s.tags().stream().anyMatch(options.tagSlugs()::contains))
                .filter(s -> options.metadataFilter().stream().allMatch(f -> s.metadata().stream()
                        .anyMatch(m -> m.key().equals(f.key()) && (f.value() == null || f.value().equals(m.value())))))
                .toList();
    }

    private static String personalOwner(Actor actor) {
        return actor.type() == PrincipalType.USER ? actor.id() : null;
    }
}
