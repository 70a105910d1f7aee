package io.latchkey.http.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.core.kms.KmsKey;
import io.latchkey.core.project.Environment;
import io.latchkey.core.secrets.FolderView;
import io.latchkey.core.secrets.PlainSecret;
import io.latchkey.core.secrets.Secret;
import io.latchkey.core.secrets.SecretImportView;
import io.latchkey.core.secrets.SecretMetadata;
import io.latchkey.core.secrets.SecretReadService;
import io.latchkey.core.webhook.WebhookView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Request and response records of the secrets dialect's secrets, folders, imports, KMS and webhooks, named
 * as in specs/infisical.md sections 4, 5 and 8 and seed 003. Requests accept every alias the spec lists
 * ({@code workspaceId}/{@code projectId}, {@code workspaceSlug}/{@code projectSlug}, {@code path}/
 * {@code directory}); members the SDK adds and we do not use are ignored by the dialect's JSON reader.
 *
 * @since 0.1
 */
public final class SecretsDataDtos {
    private SecretsDataDtos() {
    }

    // ---- requests ------------------------------------------------------------------------------------

    /** S3/S4/S5 bodies (one record: every member optional here, the core decides what is required). */
    public record SecretBody(String workspaceId, String projectId, String workspaceSlug, String projectSlug,
                             String environment, String secretPath, String secretValue, String secretComment, String type,
                             Boolean skipMultilineEncoding, List<String> tagIds, String secretReminderNote,
                             Integer secretReminderRepeatDays, List<SecretMetadata> secretMetadata,
                             Map<String, Object> metadata, String newSecretName, Integer version) {
    }

    /** One entry of a batch. */
    public record BatchEntry(String secretKey, String secretValue, String secretComment, String type,
                             Boolean skipMultilineEncoding, List<String> tagIds, List<SecretMetadata> secretMetadata,
                             Map<String, Object> metadata, String newSecretName, String secretReminderNote,
                             Integer secretReminderRepeatDays, Integer version) {
    }

    /** Batch create/update/delete bodies; {@code mode} "upsert" creates missing secrets on update. */
    public record BatchBody(String workspaceId, String projectId, String workspaceSlug, String projectSlug, String environment,
                            String secretPath, List<BatchEntry> secrets, String mode) {
    }

    public record MoveBody(String workspaceId, String projectId, String workspaceSlug, String projectSlug,
                           String sourceEnvironment, String sourceSecretPath, String destinationEnvironment,
                           String destinationSecretPath, List<String> secretIds, Boolean shouldOverwrite) {
    }

    public record RollbackBody(Integer version) {
    }

    /** F1/F3/F4 bodies; {@code directory} is the legacy alias of {@code path}. */
    public record FolderBody(String workspaceId, String projectId, String workspaceSlug, String projectSlug, String environment,
                             String name, String path, String directory, String description) {
    }

    public record ImportSource(String environment, String path, Integer position) {
    }

    public record ImportBody(String workspaceId, String projectId, String workspaceSlug, String projectSlug, String environment,
                             String path, @JsonProperty("import") ImportSource source, Boolean isReplication) {
    }

    public record CreateKeyBody(String projectId, String name, String description, String keyUsage, String encryptionAlgorithm) {
    }

    public record UpdateKeyBody(String name, Boolean isDisabled, String description) {
    }

    public record EncryptBody(String plaintext) {
    }

    public record DecryptBody(String ciphertext) {
    }

    public record SignBody(String data, String signature, String signingAlgorithm, Boolean isDigest) {
    }

    public record WebhookBody(String workspaceId, String projectId, String workspaceSlug, String projectSlug, String environment,
                              String webhookUrl, String webhookSecretKey, String secretPath, String type, Boolean isDisabled) {
    }

    // ---- responses -----------------------------------------------------------------------------------

    public record TagDto(String id, String slug, String name, String color) {
    }

    public record ActorDto(String actorId, String actorType) {
    }

    public record ReferenceProblemDto(String reference, String reason) {
    }

    /**
     * The spec's {@code Secret}: {@code id} and {@code _id} carry the same value, {@code workspace} and
     * {@code workspaceId} the project id. {@code secretReferenceErrors} (a Latchkey addition, absent when
     * empty) lists the references that expanded to the empty string.
     */
    public record SecretDto(String id, @JsonProperty("_id") String underscoreId, String workspace, String workspaceId,
                            String environment, String secretKey, String secretValue, boolean secretValueHidden,
                            String secretComment, String secretPath, String type, int version, Boolean skipMultilineEncoding,
                            String secretReminderNote, Integer secretReminderRepeatDays, List<TagDto> tags,
                            List<SecretMetadata> secretMetadata, ActorDto actor, boolean isRotatedSecret, String rotationId,
                            Instant createdAt, Instant updatedAt, List<ReferenceProblemDto> secretReferenceErrors) {

        static SecretDto of(PlainSecret p) {
            Secret s = p.secret();
            List<ReferenceProblemDto> problems = p.referenceProblems().isEmpty() ? null
                    : p.referenceProblems().stream().map(x -> new ReferenceProblemDto(x.reference(), x.reason().wire())).toList();
            return new SecretDto(s.id(), s.id(), s.projectId(), s.projectId(), p.environment(), s.name(), p.value(),
                    p.valueHidden(), p.comment(), s.path().value(), s.type().wire(), s.version(), s.skipMultilineEncoding(),
                    s.reminderNote(), s.reminderRepeatDays(), tagDtos(s.tags()), s.metadata(),
                    s.actorId() == null ? null : new ActorDto(s.actorId(), s.actorType()), false, null, s.createdAt(),
                    s.updatedAt(), problems);
        }

        static List<SecretDto> of(List<PlainSecret> list) {
            return list.stream().map(SecretDto::of).toList();
        }
    }

    /** One version of a secret (the values of past versions need {@code secrets:Read} like current ones). */
    public record SecretVersionDto(String id, String secretId, int version, String environment, String secretPath,
                                   String secretKey, String secretValue, boolean secretValueHidden, String secretComment,
                                   String type, List<TagDto> tags, List<SecretMetadata> secretMetadata, ActorDto actor,
                                   Instant createdAt) {
        static SecretVersionDto of(PlainSecret p) {
            Secret s = p.secret();
            return new SecretVersionDto(s.id() + ":" + s.version(), s.id(), s.version(), p.environment(), s.path().value(),
                    s.name(), p.value(), p.valueHidden(), p.comment(), s.type().wire(), tagDtos(s.tags()), s.metadata(),
                    s.actorId() == null ? null : new ActorDto(s.actorId(), s.actorType()), s.updatedAt());
        }
    }

    public record ImportedDto(String secretPath, String environment, String folderId, List<SecretDto> secrets) {
        static List<ImportedDto> of(List<SecretReadService.ImportedSecrets> list) {
            return list == null ? null : list.stream()
                    .map(i -> new ImportedDto(i.path().value(), i.environment(), i.folderId(), SecretDto.of(i.secrets()))).toList();
        }
    }

    public record SecretListDto(List<SecretDto> secrets, List<ImportedDto> imports) {
        static SecretListDto of(SecretReadService.Listing l) {
            return new SecretListDto(SecretDto.of(l.secrets()), ImportedDto.of(l.imports()));
        }
    }

    public record FolderEnvironmentDto(String envId, String envName, String envSlug) {
    }

    /** The spec's {@code Folder} (F1-F5) with its full {@code path}, environment and project. */
    public record FolderDto(String id, String name, String envId, String parentId, String description, boolean isReserved,
                            int version, Instant createdAt, Instant updatedAt, String path, String projectId,
                            FolderEnvironmentDto environment) {
        static FolderDto of(FolderView v) {
            Environment e = v.environment();
            return new FolderDto(v.folder().id(), v.folder().name(), e.id(), v.parentId(), v.folder().description(), false,
                    v.folder().version(), v.folder().createdAt(), v.folder().updatedAt(), v.folder().path().value(),
                    v.folder().projectId(), new FolderEnvironmentDto(e.id(), e.name(), e.slug()));
        }
    }

    public record EnvironmentRefDto(String id, String name, String slug) {
        static EnvironmentRefDto of(Environment e) {
            return new EnvironmentRefDto(e.id(), e.name(), e.slug());
        }
    }

    public record SecretImportDto(String id, String folderId, String importPath, EnvironmentRefDto importEnv, int position,
                                  boolean isReplication, String secretPath, EnvironmentRefDto environment, Instant createdAt,
                                  Instant updatedAt) {
        static SecretImportDto of(SecretImportView v) {
            return new SecretImportDto(v.secretImport().id(), v.folderId(), v.secretImport().importPath().value(),
                    EnvironmentRefDto.of(v.source()), v.secretImport().position(), v.secretImport().replication(),
                    v.secretImport().path().value(), EnvironmentRefDto.of(v.environment()), v.secretImport().createdAt(),
                    v.secretImport().updatedAt());
        }
    }

    /** The spec's {@code KmsKey} (section 8). */
    public record KmsKeyDto(String id, String name, String description, boolean isDisabled, String orgId, String projectId,
                            String keyUsage, int version, String encryptionAlgorithm, Instant createdAt, Instant updatedAt) {
        static KmsKeyDto of(KmsKey k) {
            return new KmsKeyDto(k.id(), k.name(), k.description(), k.disabled(), k.orgId(), k.projectId(), k.usage().wire(),
                    k.version(), k.algorithm().wire(), k.createdAt(), k.updatedAt());
        }
    }

    public record WebhookDto(String id, String projectId, String envId, EnvironmentRefDto environment, String secretPath,
                             String url, String type, boolean isDisabled, String lastStatus, String lastRunErrorMessage,
                             Instant lastRunAt, Instant createdAt, Instant updatedAt) {
        static WebhookDto of(WebhookView v) {
            var w = v.webhook();
            return new WebhookDto(w.id(), w.projectId(), w.environmentId(), EnvironmentRefDto.of(v.environment()),
                    w.path().value(), w.url(), w.type(), w.disabled(), w.lastStatus(), w.lastError(), w.lastRunAt(),
                    w.createdAt(), w.updatedAt());
        }
    }

    static List<TagDto> tagDtos(List<String> slugs) {
        List<TagDto> out = new ArrayList<>(slugs.size());
        for (String t : slugs) {
            out.add(new TagDto(t, t, t, null));
        }
        return out;
    }
}
