package io.latchkey.it.sdk;

import io.latchkey.sdk.AccessKey;
import io.latchkey.sdk.AccessKeyFilter;
import io.latchkey.sdk.AccessKeySession;
import io.latchkey.sdk.AccessKeySessionClaims;
import io.latchkey.sdk.AccessKeySessionVerifier;
import io.latchkey.sdk.AccessKeyUpdate;
import io.latchkey.sdk.AccessKeysApi;
import io.latchkey.sdk.AuthModeException;
import io.latchkey.sdk.CreatedAccessKey;
import io.latchkey.sdk.CreatedManagementKey;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.ExchangeOptions;
import io.latchkey.sdk.InvalidTokenException;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.ManagementKey;
import io.latchkey.sdk.NewAccessKey;
import io.latchkey.sdk.NewManagementKey;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.ValidationException;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's access-key resources against the real server: the native project API with a user login, the
 * access-key credential (exchange and renewal), offline verification of sessions against
 * {@code /v2/keys/{projectId}}, and refusals (deactivated, rotated, deleted keys; another project's sessions).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessKeySdkTest {
    private TestServer server;
    private LatchkeyClient owner;
    private String issuer;
    private String projectId;
    private AccessKeysApi keys;

    @BeforeAll
    void start() {
        server = TestServer.start();
        server.bootstrap();
        owner = LatchkeyClient.builder().baseUrl(server.baseUrl()).credentials(Credentials.userLogin(OWNER_EMAIL, OWNER_PASSWORD)).build();
        issuer = owner.wellKnown().openIdConfiguration().issuer();
        projectId = createProject("machines");
        keys = owner.accessKeys(projectId);
        keys.roles().create("Reader", "reads reports", List.of("reports:read"));
        keys.tenants().create("acme", "Acme", Map.of("region", "eu"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String createProject(String name) {
        return server.post("/iam/v1/projects", owner.accessToken(), Map.of("name", name)).text("id");
    }

    private AccessKeySessionVerifier verifier(String project) {
        return AccessKeySessionVerifier.builder().client(owner).projectId(project).issuer(issuer).build();
    }

    @Test
    void accessKeyWhenCreatedExchangedAndVerifiedThenSessionCarriesRolesTenantsAndClaims() {
        CreatedAccessKey created = keys.create(NewAccessKey.named("reporter").withRoles("Reader").withTenant("acme", "Reader")
                .withCustomClaim("team", "platform").withDescription("nightly reports"));
        assertThat(created.key().id()).matches("K[0-9A-Za-z]{27}");
        assertThat(created.key().active()).isTrue();
        assertThat(created.key().keyTenants()).singleElement().satisfies(t -> assertThat(t.tenantName()).isEqualTo("Acme"));

        LatchkeyClient machine = LatchkeyClient.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.accessKey(projectId, created.cleartext(),
                        ExchangeOptions.NONE.withClaim("job", "nightly").withSelectedTenant("acme"))).build();
        String jwt = machine.accessToken();
        assertThat(machine.accessToken()).as("the session is reused until it is due for renewal").isEqualTo(jwt);

        AccessKeySessionClaims session = verifier(projectId).verifySession(jwt);
        assertThat(session.keyId()).isEqualTo(created.key().id());
        assertThat(session.roles()).containsExactly("Reader");
        assertThat(session.permissions()).containsExactly("reports:read");
        assertThat(session.tenantRoles("acme")).containsExactly("Reader");
        assertThat(session.tenantPermissions("acme")).containsExactly("reports:read");
        assertThat(session.selectedTenant()).isEqualTo("acme");
        assertThat(session.customClaims()).containsEntry("team", "platform");
        assertThat(session.callerClaims()).containsExactly(Map.entry("job", "nightly"));
        assertThat(session.expiresAt()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofMinutes(11)));

        assertThatThrownBy(() -> machine.accessKeys(projectId).list()).as("an access-key session cannot manage keys")
                .isInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> verifier(createProject("other")).verifySession(jwt)).as("another project's verifier refuses it")
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.WRONG_ISSUER));
    }

    @Test
    void accessKeyWhenDeactivatedRotatedOrDeletedThenExchangeRefusedWithTypedError() {
        CreatedAccessKey created = keys.create(NewAccessKey.named("lifecycle").withRoles("Reader"));
        String id = created.key().id();
        AccessKeySession first = keys.exchange(created.cleartext());
        assertThat(first.keyId()).isEqualTo(id);
        assertThat(verifier(projectId).verifySession(first.sessionJwt()).keyId()).isEqualTo(id);

        assertThat(keys.deactivate(id).active()).isFalse();
        LatchkeyClient machine = LatchkeyClient.builder().baseUrl(server.baseUrl())
                .credentials(Credentials.accessKey(projectId, created.cleartext())).build();
        assertThatThrownBy(machine::accessToken).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.getMessage()).doesNotContain(created.cleartext());
        });
        assertThat(keys.activate(id).active()).isTrue();
        assertThat(machine.accessToken()).isNotBlank();

        CreatedAccessKey rotated = keys.rotate(id);
        assertThat(rotated.cleartext()).isNotEqualTo(created.cleartext());
        assertThatThrownBy(() -> keys.exchange(created.cleartext())).isInstanceOf(UnauthorizedException.class);
        assertThat(keys.exchange(rotated.cleartext()).keyId()).isEqualTo(id);

        keys.delete(id);
        assertThatThrownBy(() -> keys.get(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> keys.exchange(rotated.cleartext())).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void accessKeyWhenUpdatedOrSearchedThenAbsentMembersUnchangedAndFiltersApply() {
        CreatedAccessKey inTenant = keys.create(NewAccessKey.named("tenant key").withTenant("acme", "Reader")
                .withPermittedIps(List.of("127.0.0.1/32")));
        CreatedAccessKey plain = keys.create(NewAccessKey.named("plain key"));
        AccessKey updated = keys.update(inTenant.key().id(), AccessKeyUpdate.changes().withName("renamed"));
        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.permittedIps()).containsExactly("127.0.0.1/32");
        assertThat(updated.keyTenants()).hasSize(1);

        assertThat(keys.list(AccessKeyFilter.all().withTenant("acme"))).extracting(AccessKey::id)
                .contains(inTenant.key().id()).doesNotContain(plain.key().id());
        assertThat(keys.list()).extracting(AccessKey::id).contains(inTenant.key().id(), plain.key().id());
        assertThat(keys.get(plain.key().id()).name()).isEqualTo("plain key");

        assertThatThrownBy(() -> keys.create(NewAccessKey.named("bad").withCustomClaim("sub", "admin")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.error().field()).contains("customClaims.sub"));
    }

    @Test
    void managementKeyWhenCreatedThenUsableForTheDialectUntilDeactivated() {
        CreatedManagementKey created = keys.managementKeys().create(NewManagementKey.named("ci").expiringIn(Duration.ofDays(1)));
        ManagementKey key = created.key();
        assertThat(created.cleartext()).doesNotContain(":");
        assertThat(key.projectId()).isEqualTo(projectId);
        assertThat(key.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(keys.managementKeys().list()).extracting(ManagementKey::id).contains(key.id());
        String bearer = projectId + ":" + created.cleartext();
        assertThat(server.post("/v1/mgmt/accesskey/search", bearer, Map.of()).status()).isEqualTo(200);

        assertThat(keys.managementKeys().deactivate(key.id()).active()).isFalse();
        assertThat(server.post("/v1/mgmt/accesskey/search", bearer, Map.of()).status()).isEqualTo(401);
        assertThat(keys.managementKeys().activate(key.id()).active()).isTrue();
        keys.managementKeys().delete(key.id());
        assertThatThrownBy(() -> keys.managementKeys().get(key.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void catalogWhenManagedThenListedAndDuplicatesConflict() {
        keys.permissions().create("reports:write", "write reports");
        assertThat(keys.permissions().list()).extracting(p -> p.name()).contains("reports:read", "reports:write");
        assertThatThrownBy(() -> keys.permissions().create("reports:write", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.code()).isEqualTo("already_exists"));
        keys.roles().create("Writer", null, List.of("reports:write"));
        assertThat(keys.roles().list()).extracting(r -> r.name()).contains("Reader", "Writer");
        keys.roles().delete("Writer");
        keys.permissions().delete("reports:write");
        assertThat(keys.roles().list()).extracting(r -> r.name()).doesNotContain("Writer");
        keys.tenants().create("globex", "Globex", null);
        assertThat(keys.tenants().get("globex").name()).isEqualTo("Globex");
        keys.tenants().delete("globex");
        assertThatThrownBy(() -> keys.tenants().get("globex")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> owner.accessKeys("P" + "0".repeat(27)).list()).isInstanceOf(NotFoundException.class);
    }
}
