package io.latchkey.it.sdk;

import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import io.latchkey.sdk.ClientSecret;
import io.latchkey.sdk.ConflictException;
import io.latchkey.sdk.CreatedClientSecret;
import io.latchkey.sdk.CreatedIdentityToken;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.Folder;
import io.latchkey.sdk.ForbiddenException;
import io.latchkey.sdk.Identity;
import io.latchkey.sdk.IdentityLogin;
import io.latchkey.sdk.IdentityRequest;
import io.latchkey.sdk.KmsKey;
import io.latchkey.sdk.KmsSignature;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.Secret;
import io.latchkey.sdk.SecretListOptions;
import io.latchkey.sdk.SecretListing;
import io.latchkey.sdk.SecretLocation;
import io.latchkey.sdk.SecretVersion;
import io.latchkey.sdk.SecretWrite;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.UniversalAuth;
import io.latchkey.sdk.UniversalAuthSettings;
import io.latchkey.sdk.ValidationException;
import io.latchkey.sdk.Workspace;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's identity, universal-auth, token-auth, workspace, secrets, folder and KMS resources against the
 * real server. One bootstrapped instance for the class; each test makes its own identity or project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsSdkAgainstServerTest {
    private TestServer server;
    private LatchkeyClient anonymous;
    private LatchkeyClient admin;
    private String orgId;

    @BeforeAll
    void start() {
        server = TestServer.start();
        anonymous = LatchkeyClient.builder().baseUrl(server.baseUrl()).build();
        BootstrapResponse b = anonymous.admin().bootstrap(new BootstrapRequest(OWNER_EMAIL, OWNER_PASSWORD, "Acme"));
        admin = anonymous.withCredentials(Credentials.identityToken(b.adminToken()));
        orgId = b.organization().id();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** An identity (role member) with universal auth and a client secret; returns a client logged in as it. */
    private LatchkeyClient machine(String name) {
        Identity i = admin.identities().create(orgId, IdentityRequest.named(name).withRole("member"));
        UniversalAuth ua = admin.universalAuth().attach(i.id(), UniversalAuthSettings.defaults().accessTokenTtl(600)
                .accessTokenMaxTtl(3600));
        CreatedClientSecret cs = admin.universalAuth().createClientSecret(i.id(), "sdk test", 0, 0);
        return anonymous.withCredentials(Credentials.universalAuth(ua.clientId(), cs.clientSecret()));
    }

    @Test
    void identitiesWhenCreatedUpdatedListedAndDeletedThenEachStepIsVisible() {
        Identity created = admin.identities().create(orgId, IdentityRequest.named("lifecycle").withRole("member")
                .withMetadata(List.of(new Identity.MetadataEntry("team", "platform"))));
        assertThat(created.orgId()).isEqualTo(orgId);
        assertThat(created.metadata()).extracting(Identity.MetadataEntry::key).containsExactly("team");
        Identity fetched = admin.identities().get(created.id());
        assertThat(fetched.role()).isEqualTo("member");
        assertThat(admin.identities().update(created.id(), IdentityRequest.changes().withName("lifecycle-2")).name())
                .isEqualTo("lifecycle-2");
        assertThat(admin.identities().list(orgId, "lifecycle").stream().map(Identity::id)).containsExactly(created.id());

        admin.identities().delete(created.id());
        assertThatThrownBy(() -> admin.identities().get(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin.identities().create(orgId, IdentityRequest.named("")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void universalAuthWhenClientSecretUsedThenCredentialsLogInAndRevocationStopsThem() {
        Identity i = admin.identities().create(orgId, IdentityRequest.named("ua").withRole("member"));
        UniversalAuth ua = admin.universalAuth().attach(i.id(), UniversalAuthSettings.defaults().accessTokenTtl(900)
                .clientSecretTrustedIps(List.of("127.0.0.1/32")));
        assertThat(ua.accessTokenTtl()).isEqualTo(900);
        assertThat(ua.clientSecretTrustedIps()).extracting(io.latchkey.sdk.TrustedIp::cidr).containsExactly("127.0.0.1/32");
        CreatedClientSecret cs = admin.universalAuth().createClientSecret(i.id(), "ci", 5, 3600);
        assertThat(cs.clientSecretData().numUsesLimit()).isEqualTo(5);

        LatchkeyClient machine = anonymous.withCredentials(Credentials.universalAuth(ua.clientId(), cs.clientSecret()));
        assertThat(machine.authMode()).isEqualTo(AuthMode.IDENTITY);
        Workspace w = machine.workspaces().create("ua-project", null);
        assertThat(machine.workspaces().get(w.id()).environments()).extracting(Workspace.EnvironmentRef::slug)
                .contains("dev", "staging", "prod");

        IdentityLogin login = anonymous.universalAuth().login(ua.clientId(), cs.clientSecret());
        assertThat(login.expiresIn()).isEqualTo(900);
        IdentityLogin renewed = anonymous.identities().renewToken(login.accessToken());
        assertThat(renewed.accessToken()).isNotBlank();
        anonymous.identities().revokeToken(renewed.accessToken());
        LatchkeyClient revoked = anonymous.withCredentials(Credentials.identityToken(login.accessToken()));
        assertThatThrownBy(() -> revoked.workspaces().list()).isInstanceOf(UnauthorizedException.class);

        List<ClientSecret> secrets = admin.universalAuth().listClientSecrets(i.id());
        assertThat(secrets).extracting(ClientSecret::description).containsExactly("ci");
        assertThat(admin.universalAuth().revokeClientSecret(i.id(), secrets.get(0).id()).revoked()).isTrue();
        assertThatThrownBy(() -> anonymous.universalAuth().login(ua.clientId(), cs.clientSecret()))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void tokenAuthWhenTokenMintedThenItCallsAsTheIdentityUntilRevoked() {
        Identity i = admin.identities().create(orgId, IdentityRequest.named("token-auth").withRole("member"));
        admin.tokenAuth().attach(i.id());
        CreatedIdentityToken t = admin.tokenAuth().createToken(i.id(), "deploy");
        LatchkeyClient byToken = anonymous.withCredentials(Credentials.identityToken(t.accessToken()));
        assertThat(byToken.workspaces().list()).isNotNull();
        assertThat(admin.tokenAuth().listTokens(i.id())).extracting(io.latchkey.sdk.IdentityToken::name).containsExactly("deploy");
        admin.tokenAuth().revokeToken(t.tokenData().id());
        assertThatThrownBy(() -> byToken.workspaces().list()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void secretsWhenWrittenReadVersionedAndBatchedThenBehaveAsTheSpecSays() {
        LatchkeyClient m = machine("secrets-user");
        Workspace w = m.workspaces().create("secrets-project", "secret-manager");
        SecretLocation prod = SecretLocation.of(w.id(), "prod");
        Secret s = m.secrets().create(prod, SecretWrite.of("DB_PASSWORD", "first").withComment("primary"));
        assertThat(s.version()).isEqualTo(1);
        m.secrets().create(prod, SecretWrite.of("DB_URL", "postgres://app:${DB_PASSWORD}@db"));
        assertThat(m.secrets().get(prod, "DB_URL").value()).isEqualTo("postgres://app:first@db");

        Secret updated = m.secrets().update(prod, SecretWrite.named("DB_PASSWORD").withValue("second").withExpectedVersion(1));
        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> m.secrets().update(prod, SecretWrite.named("DB_PASSWORD").withValue("x").withExpectedVersion(1)))
                .isInstanceOf(ConflictException.class);
        assertThat(m.secrets().get(prod, "DB_PASSWORD", SecretListOptions.defaults(), 1).value()).isEqualTo("first");
        List<SecretVersion> versions = m.secrets().versions(s.id());
        assertThat(versions).extracting(SecretVersion::version).contains(1, 2);
        assertThat(m.secrets().rollback(s.id(), 1).version()).isEqualTo(3);
        assertThat(m.secrets().get(prod, "DB_PASSWORD").value()).isEqualTo("first");

        Folder db = m.folders().create(prod, "db");
        assertThat(db.path()).isEqualTo("/db");
        assertThat(m.folders().list(prod, false)).extracting(Folder::path).containsExactly("/db");
        List<Secret> batch = m.secrets().upsertAll(prod.path("/db"), List.of(SecretWrite.of("HOST", "db.internal"),
                SecretWrite.of("PORT", "5432")));
        assertThat(batch).extracting(Secret::key).containsExactlyInAnyOrder("HOST", "PORT");
        assertThatThrownBy(() -> m.secrets().createAll(prod.path("/db"), List.of(SecretWrite.of("NEW", "1"),
                SecretWrite.of("HOST", "dup")))).as("all or nothing").isInstanceOf(io.latchkey.sdk.LatchkeyApiException.class);
        assertThatThrownBy(() -> m.secrets().get(prod.path("/db"), "NEW")).isInstanceOf(NotFoundException.class);

        SecretListing all = m.secrets().list(prod, SecretListOptions.defaults().withRecursive(true));
        assertThat(all.secrets()).extracting(Secret::key).containsExactlyInAnyOrder("DB_PASSWORD", "DB_URL", "HOST", "PORT");
        SecretListing names = m.secrets().list(prod, SecretListOptions.defaults().withValues(false));
        assertThat(names.secrets()).allSatisfy(x -> assertThat(x.value()).isNotIn("first", "postgres://app:first@db"));

        m.secrets().deleteAll(prod.path("/db"), List.of("HOST", "PORT"));
        m.folders().delete(prod, "db");
        assertThat(m.folders().list(prod, true)).isEmpty();
        assertThat(m.secrets().delete(prod, "DB_URL").key()).isEqualTo("DB_URL");
    }

    @Test
    void secretsWhenAnotherIdentityIsNoMemberThenItCannotReadThem() {
        LatchkeyClient owner = machine("owner-identity");
        Workspace w = owner.workspaces().create("private", null);
        owner.secrets().create(SecretLocation.of(w.id(), "dev"), SecretWrite.of("TOKEN", "t0p"));
        LatchkeyClient stranger = machine("stranger-identity");
        assertThatThrownBy(() -> stranger.secrets().list(SecretLocation.of(w.id(), "dev")))
                .isInstanceOfAny(ForbiddenException.class, NotFoundException.class);
    }

    @Test
    void kmsWhenKeysEncryptSignAndRotateThenRoundTripsAndOldVersionsStillWork() {
        LatchkeyClient m = machine("kms-user");
        Workspace w = m.workspaces().create("kms-project", "kms");
        KmsKey key = m.kms().create(w.id(), "payments", null, null, "card data");
        assertThat(key.algorithm()).isEqualTo("aes-256-gcm");
        byte[] plaintext = "4111 1111 1111 1111".getBytes(StandardCharsets.UTF_8);
        String ciphertext = m.kms().encrypt(key.id(), plaintext);
        assertThat(m.kms().rotate(key.id()).version()).isEqualTo(2);
        assertThat(m.kms().decrypt(key.id(), ciphertext)).isEqualTo(plaintext);
        assertThat(m.kms().getByName(w.id(), "payments").id()).isEqualTo(key.id());

        KmsKey signer = m.kms().create(w.id(), "signer", "sign-verify", "ECC_NIST_P256", null);
        assertThat(m.kms().signingAlgorithms(signer.id())).contains("ECDSA_SHA_256");
        byte[] data = "release 1.0".getBytes(StandardCharsets.UTF_8);
        KmsSignature sig = m.kms().sign(signer.id(), data, "ECDSA_SHA_256", false);
        assertThat(m.kms().verify(signer.id(), data, sig.signature(), "ECDSA_SHA_256", false)).isTrue();
        assertThat(m.kms().verify(signer.id(), "release 2.0".getBytes(StandardCharsets.UTF_8), sig.signature(),
                "ECDSA_SHA_256", false)).isFalse();
        assertThat(m.kms().publicKey(signer.id(), null)).isNotBlank();
        assertThat(m.kms().list(w.id()).stream().map(KmsKey::name)).containsExactlyInAnyOrder("payments", "signer");

        assertThat(m.kms().setDisabled(key.id(), true).disabled()).isTrue();
        assertThatThrownBy(() -> m.kms().encrypt(key.id(), plaintext)).isInstanceOf(io.latchkey.sdk.BadRequestException.class);
        m.kms().delete(key.id());
        assertThatThrownBy(() -> m.kms().get(key.id())).isInstanceOf(NotFoundException.class);
    }
}
