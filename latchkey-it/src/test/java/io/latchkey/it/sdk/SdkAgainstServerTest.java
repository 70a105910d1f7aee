package io.latchkey.it.sdk;

import io.latchkey.sdk.AuditEvent;
import io.latchkey.sdk.AuditFilter;
import io.latchkey.sdk.AuditVerification;
import io.latchkey.sdk.AuthMode;
import io.latchkey.sdk.AuthModeException;
import io.latchkey.sdk.BadRequestException;
import io.latchkey.sdk.BootstrapRequest;
import io.latchkey.sdk.BootstrapResponse;
import io.latchkey.sdk.Claims;
import io.latchkey.sdk.CreateUserRequest;
import io.latchkey.sdk.Credentials;
import io.latchkey.sdk.InvalidTokenException;
import io.latchkey.sdk.LatchkeyClient;
import io.latchkey.sdk.NotFoundException;
import io.latchkey.sdk.SigningAlgorithm;
import io.latchkey.sdk.SigningKey;
import io.latchkey.sdk.TokenVerifier;
import io.latchkey.sdk.UnauthorizedException;
import io.latchkey.sdk.User;
import io.latchkey.sdk.ValidationException;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK against the real server: one bootstrapped instance for the class; tests do not depend on each other's order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkAgainstServerTest {
    private TestServer server;
    private LatchkeyClient anonymous;
    private LatchkeyClient admin;
    private BootstrapResponse bootstrap;

    @BeforeAll
    void start() {
        server = TestServer.start();
        anonymous = LatchkeyClient.builder().baseUrl(server.baseUrl()).build();
        assertThat(anonymous.ready().ready()).as("not bootstrapped yet").isFalse();
        bootstrap = anonymous.admin().bootstrap(new BootstrapRequest(OWNER_EMAIL, OWNER_PASSWORD, "Acme"));
        admin = anonymous.withCredentials(Credentials.staticToken(bootstrap.adminToken()));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private LatchkeyClient owner() {
        return anonymous.withCredentials(Credentials.userLogin(OWNER_EMAIL, OWNER_PASSWORD));
    }

    @Test
    void bootstrapWhenDoneThenAdminIsIdentityAndSecondBootstrapIsBadRequest() {
        assertThat(admin.authMode()).isEqualTo(AuthMode.IDENTITY);
        assertThat(bootstrap.organization().name()).isEqualTo("Acme");
        assertThat(bootstrap.user().email()).isEqualTo(OWNER_EMAIL);
        assertThat(anonymous.ready().ready()).isTrue();
        assertThat(anonymous.health().status()).isEqualTo("ok");
        assertThatThrownBy(() -> anonymous.admin().bootstrap(new BootstrapRequest("x@example.com", "another password", "X")))
                .isExactlyInstanceOf(BadRequestException.class)
                .satisfies(e -> {
                    BadRequestException b = (BadRequestException) e;
                    assertThat(b.status()).isEqualTo(400);
                    assertThat(b.serverMessage()).isEqualTo("Instance has already been set up");
                    assertThat(server.logs()).contains(b.requestId());
                });
    }

    @Test
    void loginWhenWrongPasswordThenUnauthorizedWithCodeAndLoggedRequestId() {
        assertThatThrownBy(() -> anonymous.auth().login("nobody@example.com", "wrong password"))
                .isExactlyInstanceOf(UnauthorizedException.class)
                .satisfies(e -> {
                    UnauthorizedException u = (UnauthorizedException) e;
                    assertThat(u.code()).isEqualTo("credentials_invalid");
                    assertThat(u.serverMessage()).isEqualTo("invalid email or password");
                    assertThat(server.logs()).contains(u.requestId());
                });
    }

    @Test
    void usersWhenOwnerLoggedInThenCreateListAcrossPagesGetAndErrors() {
        LatchkeyClient owner = owner();
        User created = owner.users().create(CreateUserRequest.of("paging-1@example.com", "user password 1").withDisplayName("P One"));
        owner.users().create(CreateUserRequest.of("paging-2@example.com", "user password 2").withRole("admin"));
        assertThat(owner.users().get(created.id())).isEqualTo(created);

        List<String> onePerPage = StreamSupport.stream(owner.users().list(1).spliterator(), false).map(User::email).toList();
        List<String> all = owner.users().list().stream().map(User::email).toList();
        assertThat(onePerPage).isEqualTo(all).contains(OWNER_EMAIL, "paging-1@example.com", "paging-2@example.com");
        assertThat(owner.users().list(1).firstPage().nextKey()).isNotNull();

        assertThatThrownBy(() -> owner.users().get("no-such-user")).isExactlyInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> owner.users().create(CreateUserRequest.of("not an email", "user password 3")))
                .isExactlyInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("email"));
        assertThat(admin.users().list().stream().map(User::email)).as("identity tokens may list users").contains(OWNER_EMAIL);
    }

    @Test
    void auditWhenPagedThenFollowsCursorToTheEndAndChainVerifies() {
        LatchkeyClient owner = owner();
        for (int i = 0; i < 3; i++) {
            owner.users().create(CreateUserRequest.of("audit-" + i + "@example.com", "user password " + i));
        }
        List<Long> small = owner.audit().list(AuditFilter.all().withPageSize(2)).stream().map(AuditEvent::seq).toList();
        List<Long> large = owner.audit().list(AuditFilter.all().withPageSize(500)).stream().map(AuditEvent::seq).toList();
        assertThat(small).isEqualTo(large).hasSizeGreaterThanOrEqualTo(5);
        assertThat(small).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(owner.audit().list(AuditFilter.all().withAction("user.*")))
                .allSatisfy(e -> assertThat(e.action()).startsWith("user."));

        AuditVerification v = admin.audit().verify();
        assertThat(v.valid()).isTrue();
        assertThat(v.eventsChecked()).isGreaterThanOrEqualTo(small.size());
    }

    @Test
    void renewalWhenClientClockNearExpiryThenLogsInAgainAndServerAcceptsNewToken() {
        ShiftedClock clock = new ShiftedClock();
        LatchkeyClient owner = LatchkeyClient.builder().baseUrl(server.baseUrl()).clock(clock)
                .credentials(Credentials.userLogin(OWNER_EMAIL, OWNER_PASSWORD)).build();
        long before = logins();
        owner.users().list().firstPage();
        owner.users().list().firstPage();
        assertThat(logins() - before).isEqualTo(1);
        clock.shift = Duration.ofMinutes(59).plusSeconds(31); // the server's user tokens live 1 h
        owner.users().list().firstPage();
        assertThat(logins() - before).isEqualTo(2);
    }

    @Test
    void authModeWhenNoCredentialsThenRefusedBeforeTheServer() {
        assertThatThrownBy(() -> anonymous.keys().list()).isExactlyInstanceOf(AuthModeException.class);
        assertThatThrownBy(() -> anonymous.audit().verify()).isExactlyInstanceOf(AuthModeException.class);
    }

    @Test
    void tokenVerifierWhenKeysRotatedTwiceThenRefetchesJwksAndVerifiesNewTokens() {
        TokenVerifier verifier = TokenVerifier.builder().client(anonymous)
                .issuer(anonymous.wellKnown().openIdConfiguration().issuer()).build();
        LatchkeyClient owner = owner();
        Claims before = verifier.verifyAccessToken(owner.auth().login(OWNER_EMAIL, OWNER_PASSWORD).accessToken());
        assertThat(before.subject()).isEqualTo(bootstrap.user().id());
        assertThat(before.authMode()).isEqualTo(AuthMode.USER);
        assertThatThrownBy(() -> verifier.verifyAccessToken(bootstrap.adminToken())).as("non-expiring, refused by default")
                .isInstanceOf(InvalidTokenException.class);
        TokenVerifier forMachines = TokenVerifier.builder().client(anonymous).allowNonExpiringIdentityTokens()
                .issuer(anonymous.wellKnown().openIdConfiguration().issuer()).build();
        assertThat(forMachines.verifyAccessToken(bootstrap.adminToken()).authMode()).isEqualTo(AuthMode.IDENTITY);

        // The first rotation activates the pre-published key (already cached); the second one a key
        // published after the verifier fetched the set: only a refetch on the unknown kid finds it.
        admin.keys().rotate(SigningAlgorithm.ES256);
        List<SigningKey> ring = admin.keys().rotate(SigningAlgorithm.ES256);
        String active = ring.stream().filter(k -> k.algorithm().equals("ES256") && k.status().equals("active"))
                .findFirst().orElseThrow().kid();
        assertThat(anonymous.wellKnown().jwks().keys().get(0).kid()).isEqualTo(active);
        String fresh = owner.auth().login(OWNER_EMAIL, OWNER_PASSWORD).accessToken();
        assertThat(verifier.verifyAccessToken(fresh).subject()).isEqualTo(bootstrap.user().id());

        assertThatThrownBy(() -> verifier.verifyAccessToken(fresh.substring(0, fresh.length() - 4) + "AAAA"))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> TokenVerifier.builder().client(anonymous).issuer("https://elsewhere.example.com").build()
                .verifyAccessToken(fresh)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("issued by");
    }

    private long logins() {
        return admin.audit().list(AuditFilter.all().withAction("auth.login").withOutcome("success")
                .withActorId(bootstrap.user().id())).stream().count();
    }

    /** The system clock, moved forward by a test. */
    private static final class ShiftedClock extends Clock {
        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
