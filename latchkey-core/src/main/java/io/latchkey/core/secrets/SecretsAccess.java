package io.latchkey.core.secrets;

import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.Aris;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.project.Project;
import io.latchkey.core.support.Require;

/**
 * The actions and resource names of secrets, folders, imports and webhooks, and the two ways to ask
 * {@link AccessControl} about them: {@link #require} (throws a denial naming the missing permission, and
 * audits it) and {@link #allowed} (a silent yes/no, used to filter lists and mask values).
 *
 * <p>Resource grammar (README "Secrets and KMS"; outsiders write policies against it, never change it):
 * <pre>
 *   ari:secrets::&lt;projectId&gt;:secret/&lt;env&gt;&lt;path&gt;/&lt;NAME&gt;     e.g. secret/prod/db/PASSWORD, secret/prod/API_KEY
 *   ari:secrets::&lt;projectId&gt;:folder/&lt;env&gt;&lt;path&gt;             e.g. folder/prod/db, folder/prod/ (the root)
 *   ari:secrets::&lt;projectId&gt;:webhook/&lt;env&gt;&lt;path&gt;            e.g. webhook/prod/db
 * </pre>
 * where {@code <path>} is the folder path ({@code /} for the root, which adds nothing before {@code /NAME}).
 * Listing a folder asks about the resource {@code secret/<env><path>/*}, so a policy that grants every secret
 * below a path also lets its holder list them.
 *
 * @since 0.1
 */
public final class SecretsAccess {
    public static final String READ = "secrets:Read";
    public static final String LIST = "secrets:List";
    public static final String CREATE = "secrets:Create";
    public static final String UPDATE = "secrets:Update";
    public static final String DELETE = "secrets:Delete";
    public static final String ROLLBACK = "secrets:Rollback";
    public static final String LIST_FOLDERS = "secrets:ListFolders";
    public static final String CREATE_FOLDER = "secrets:CreateFolder";
    public static final String UPDATE_FOLDER = "secrets:UpdateFolder";
    public static final String DELETE_FOLDER = "secrets:DeleteFolder";
    public static final String LIST_IMPORTS = "secrets:ListImports";
    public static final String CREATE_IMPORT = "secrets:CreateImport";
    public static final String UPDATE_IMPORT = "secrets:UpdateImport";
    public static final String DELETE_IMPORT = "secrets:DeleteImport";
    public static final String LIST_WEBHOOKS = "secrets:ListWebhooks";
    public static final String CREATE_WEBHOOK = "secrets:CreateWebhook";
    public static final String UPDATE_WEBHOOK = "secrets:UpdateWebhook";
    public static final String DELETE_WEBHOOK = "secrets:DeleteWebhook";
    public static final String TEST_WEBHOOK = "secrets:TestWebhook";

    private static final String SERVICE = "secrets";

    private final AccessControl access;

    public SecretsAccess(AccessControl access) {
        this.access = Require.nonNull(access, "access");
    }

    public void require(Actor actor, Project project, String action, String resource, RequestMeta meta) {
        access.require(actor, project, action, resource, meta);
    }

    public boolean allowed(Actor actor, Project project, String action, String resource, RequestMeta meta) {
        return access.decide(project, actor.type(), actor.id(), action, resource, meta.sourceIp()).allowed();
    }

    /** May the actor see that the secret exists (its name and metadata)? Reading implies describing. */
    public boolean mayDescribe(Actor actor, Project project, String resource, RequestMeta meta) {
        return allowed(actor, project, LIST, resource, meta) || allowed(actor, project, READ, resource, meta);
    }

    public static String secretAri(String projectId, String environment, SecretPath path, String name) {
        return Aris.resource(SERVICE, projectId, "secret", environment + path.ariPart() + "/" + name);
    }

    /** The resource a folder listing asks about: every secret directly in the folder. */
    public static String folderSecretsAri(String projectId, String environment, SecretPath path) {
        return secretAri(projectId, environment, path, "*");
    }

    public static String folderAri(String projectId, String environment, SecretPath path) {
        return Aris.resource(SERVICE, projectId, "folder", environment + path.value());
    }

    public static String webhookAri(String projectId, String environment, SecretPath path) {
        return Aris.resource(SERVICE, projectId, "webhook", environment + path.value());
    }
}
