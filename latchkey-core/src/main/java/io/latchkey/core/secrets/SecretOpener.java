package io.latchkey.core.secrets;

import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Environment;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns stored secrets into what a caller may see: the value when asked for and readable
 * ({@code secrets:Read} on the secret), else {@link PlainSecret#MASK}; references expanded when asked for,
 * each referenced secret subject to the same read check (an unreadable reference expands to nothing, exactly
 * like an unknown one, so references cannot probe for secrets).
 *
 * <p>One opener call serves one request: referenced values are looked up once per request ({@link Session}).
 *
 * @since 0.1
 */
public final class SecretOpener {
    private final SecretRepository secrets;
    private final SecretScopes scopes;
    private final SecretsAccess access;
    private final SecretCipher cipher;

    public SecretOpener(SecretRepository secrets, SecretScopes scopes, SecretsAccess access, SecretCipher cipher) {
        this.secrets = Require.nonNull(secrets, "secrets");
        this.scopes = Require.nonNull(scopes, "scopes");
        this.access = Require.nonNull(access, "access");
        this.cipher = Require.nonNull(cipher, "cipher");
    }

    /** Opens secrets for one request by one actor in one project. */
    public Session session(Actor actor, Project project, boolean viewValue, boolean expand, RequestMeta meta) {
        return new Session(actor, project, viewValue, expand, meta);
    }

    /** Per-request state: the options and the referenced values already looked up. */
    public final class Session {
        private final Actor actor;
        private final Project project;
        private final boolean viewValue;
        private final boolean expand;
        private final RequestMeta meta;
        private final Map<String, Optional<String>> referenced = new HashMap<>();

        private Session(Actor actor, Project project, boolean viewValue, boolean expand, RequestMeta meta) {
            this.actor = actor;
            this.project = project;
            this.viewValue = viewValue;
            this.expand = expand;
            this.meta = meta;
        }

        public PlainSecret open(Secret s, String environment) {
            String ari = SecretsAccess.secretAri(project.id(), environment, s.path(), s.name());
            String comment = cipher.openComment(project, s);
            if (!viewValue || !access.allowed(actor, project, SecretsAccess.READ, ari, meta)) {
                return new PlainSecret(s, environment, PlainSecret.MASK, true, comment, List.of());
            }
            String value = cipher.openValue(project, s);
            if (!expand || !SecretReferences.mayContainReferences(value)) {
                return new PlainSecret(s, environment, value, false, comment, List.of());
            }
            SecretReferences.Expanded e = SecretReferences.expand(value, environment, s.path(), s.name(), this::lookup);
            return new PlainSecret(s, environment, e.value(), false, comment, e.problems());
        }

        public List<PlainSecret> openAll(List<Secret> list, String environment) {
            return list.stream().map(s -> open(s, environment)).toList();
        }

        private Optional<String> lookup(String environment, SecretPath path, String name) {
            return referenced.computeIfAbsent(environment + "|" + path.value() + "|" + name, k -> load(environment, path, name));
        }

        private Optional<String> load(String environment, SecretPath path, String name) {
            if (!access.allowed(actor, project, SecretsAccess.READ,
                    SecretsAccess.secretAri(project.id(), environment, path, name), meta)) {
                return Optional.empty();
            }
            Optional<Environment> env = scopes.findEnvironment(project, environment, false);
            return env.flatMap(e -> secrets.find(e.id(), path, name, SecretType.SHARED, null))
                    .map(s -> cipher.openValue(project, s));
        }
    }
}
