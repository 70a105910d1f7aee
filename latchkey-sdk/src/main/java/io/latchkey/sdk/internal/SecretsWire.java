package io.latchkey.sdk.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.sdk.ClientSecret;
import io.latchkey.sdk.CreatedIdentityToken;
import io.latchkey.sdk.Environment;
import io.latchkey.sdk.Folder;
import io.latchkey.sdk.Identity;
import io.latchkey.sdk.IdentityToken;
import io.latchkey.sdk.JwtAuth;
import io.latchkey.sdk.KmsKey;
import io.latchkey.sdk.OidcAuth;
import io.latchkey.sdk.Secret;
import io.latchkey.sdk.SecretVersion;
import io.latchkey.sdk.TokenAuth;
import io.latchkey.sdk.UniversalAuth;
import io.latchkey.sdk.Workspace;

import java.time.Instant;
import java.util.List;

/**
 * The envelopes of the secrets dialect ({@code /api/...}) as they arrive (specs/infisical.md sections 3 to
 * 8); resources unwrap them. Identity answers come in two shapes: the identity itself (create, update,
 * delete) and the identity as an organization member (get, search), which also carries the role.
 *
 * @since 0.1
 */
public final class SecretsWire {
    private SecretsWire() {
    }

    /** {@code {id, name, orgId, authMethods, metadata:[{id,key,value}], ...}}. */
    public record IdentityBody(String id, String name, String orgId, List<String> authMethods,
                               List<Identity.MetadataEntry> metadata, Instant createdAt, Instant updatedAt) {
        public Identity toIdentity(String role) {
            return new Identity(id, name, orgId, role, authMethods, metadata, createdAt, updatedAt);
        }
    }

    /** {@code {identity: IdentityBody}}. */
    public record IdentityEnvelope(IdentityBody identity) {
    }

    /** An identity as an organization member. */
    public record IdentityMembership(String identityId, String orgId, String role, IdentityBody identity) {
        public Identity toIdentity() {
            return identity.toIdentity(role);
        }
    }

    /** {@code {identity: IdentityMembership}}. */
    public record IdentityMembershipEnvelope(IdentityMembership identity) {
    }

    /** {@code {identities: [...], totalCount}}. */
    public record IdentityPage(List<IdentityMembership> identities, int totalCount) {
    }

    public record UniversalAuthEnvelope(@JsonProperty("identityUniversalAuth") UniversalAuth universalAuth) {
    }

    public record ClientSecretEnvelope(ClientSecret clientSecretData) {
    }

    public record ClientSecretList(List<ClientSecret> clientSecretData) {
    }

    public record TokenAuthEnvelope(@JsonProperty("identityTokenAuth") TokenAuth tokenAuth) {
    }

    public record JwtAuthEnvelope(@JsonProperty("identityJwtAuth") JwtAuth jwtAuth) {
    }

    public record OidcAuthEnvelope(@JsonProperty("identityOidcAuth") OidcAuth oidcAuth) {
    }

    public record TokenList(List<IdentityToken> tokens) {
    }

    public record TokenEnvelope(IdentityToken token) {
    }

    /** Answer of token-auth token creation (has more members than the SDK keeps). */
    public record CreatedToken(String accessToken, long expiresIn, IdentityToken tokenData) {
        public CreatedIdentityToken toCreated() {
            return new CreatedIdentityToken(accessToken, expiresIn, tokenData);
        }
    }

    public record WorkspaceEnvelope(Workspace project, Workspace workspace) {
        public Workspace value() {
            return project != null ? project : workspace;
        }
    }

    public record WorkspaceList(List<Workspace> workspaces, List<Workspace> projects) {
        public List<Workspace> value() {
            return workspaces != null ? workspaces : projects == null ? List.of() : projects;
        }
    }

    public record EnvironmentList(List<Environment> environments) {
    }

    public record EnvironmentChange(String message, Environment environment) {
    }

    public record SecretEnvelope(Secret secret) {
    }

    public record SecretBatch(List<Secret> secrets) {
    }

    public record SecretVersions(List<SecretVersion> secretVersions) {
    }

    public record SecretVersionEnvelope(SecretVersion secretVersion) {
    }

    public record FolderEnvelope(Folder folder) {
    }

    public record FolderList(List<Folder> folders) {
    }

    public record KmsKeyEnvelope(KmsKey key) {
    }

    public record KmsKeyPage(List<KmsKey> keys, int totalCount) {
    }

    public record Ciphertext(String ciphertext) {
    }

    public record Plaintext(String plaintext) {
    }

    public record PublicKey(String publicKey) {
    }

    public record SigningAlgorithms(List<String> signingAlgorithms) {
    }
}
