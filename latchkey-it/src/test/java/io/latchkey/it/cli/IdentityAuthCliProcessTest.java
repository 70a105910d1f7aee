package io.latchkey.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.ExternalJwts;
import io.latchkey.testkit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.latchkey.testkit.TestServer.OWNER_EMAIL;
import static io.latchkey.testkit.TestServer.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token auth, JWT auth and OIDC auth through the {@code latchkey} command line as separate processes against
 * the real server: an administrator configures them; a "CI machine" (its own config folder) logs in with a
 * JWT signed by a locally generated key (the CI provider), and another one uses a minted token-auth token.
 * A JWT the server refuses exits with code 3 and a one-line message, never a stack trace, and no output
 * ever repeats a JWT or a token it was not asked to print.
 *
 * <p>Runs in the H2 execution only, for the reason {@link SecretsCliProcessTest} gives.
 */
@DisabledIfSystemProperty(named = "latchkey.test.backend", matches = "postgres",
        disabledReason = "CLI behaviour does not depend on the storage backend; see SecretsCliProcessTest")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityAuthCliProcessTest {
    private static final String SUBJECT = "repo:acme/api:ref:refs/heads/main";

    private final RSAKey ciKey = ClientAssertions.rsaKey("ci-1");
    private final RSAKey stranger = ClientAssertions.rsaKey("ci-1");
    private final List<CliProcess.Result> all = new ArrayList<>();
    private final List<String> credentials = new ArrayList<>();
    private TestServer server;
    private HttpServer issuer;
    private String issuerUrl;
    private CliProcess admin;
    private String adminToken;
    private String jwtIdentity;
    private String oidcIdentity;
    private String tokenIdentity;

    @BeforeAll
    void start() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuerUrl = "http://127.0.0.1:" + issuer.getAddress().getPort();
        serve("/jwks", new JWKSet(ciKey.toPublicJWK()).toString());
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + issuerUrl + "\",\"jwks_uri\":\"" + issuerUrl + "/jwks\"}");
        issuer.start();
        server = TestServer.start();
        admin = new CliProcess();
    }

    @AfterAll
    void stop() {
        server.close();
        issuer.stop(0);
    }

    private void serve(String path, String json) {
        issuer.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private CliProcess.Result run(CliProcess who, Map<String, String> env, String stdin, String... args) {
        List<String> withServer = new ArrayList<>(List.of("--server", server.baseUrl()));
        withServer.addAll(List.of(args));
        CliProcess.Result r = who.runWithInput(env, stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8),
                withServer.toArray(String[]::new));
        all.add(r);
        return r;
    }

    private CliProcess.Result asAdmin(String... args) {
        return ok(run(admin, Map.of("LATCHKEY_TOKEN", adminToken), null, args));
    }

    private static CliProcess.Result ok(CliProcess.Result r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    private String jwt(RSAKey signer, String subject) {
        String jwt = ExternalJwts.rs256(signer, issuerUrl, subject, "latchkey", c -> c.claim("env", "prod"));
        credentials.add(jwt);
        return jwt;
    }

    private Path file(CliProcess who, String name, String content) throws IOException {
        Path f = who.configDir().resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    @Order(1)
    void adminWhenConfiguresJwtAndOidcAuthThenGetShowsTheBindings() throws IOException {
        CliProcess.Result boot = ok(run(admin, Map.of(), null, "--json", "bootstrap", "--email", OWNER_EMAIL, "--password",
                OWNER_PASSWORD, "--organization", "Acme", "--no-input"));
        adminToken = boot.json().findValue("token").asText(); // printed once by bootstrap, as asked: not in "credentials"
        jwtIdentity = asAdmin("--json", "identity", "create", "--name", "ci-jwt", "--role", "member").json().get("id").asText();
        oidcIdentity = asAdmin("--json", "identity", "create", "--name", "ci-oidc", "--role", "member").json().get("id").asText();

        Path pem = file(admin, "ci.pub.pem", ExternalJwts.publicPem(ciKey));
        CliProcess.Result attached = asAdmin("identity", "jwt-auth", "attach", jwtIdentity, "--public-key-file", pem.toString(),
                "--bound-issuer", issuerUrl, "--bound-audience", "latchkey", "--bound-subject", "repo:acme/api:*",
                "--bound-claim", "env=prod,staging", "--claim-metadata", "environment=env", "--access-token-ttl", "10m");
        assertThat(attached.out()).contains("Attached JWT auth of identity " + jwtIdentity).contains("1 static PEM key(s)")
                .contains("600s");
        JsonNode got = asAdmin("--json", "identity", "jwt-auth", "get", jwtIdentity).json();
        assertThat(got.get("configurationType").asText()).isEqualTo("static");
        assertThat(got.get("boundClaims").get("env").asText()).isEqualTo("prod, staging");

        asAdmin("identity", "oidc-auth", "attach", oidcIdentity, "--discovery-url", issuerUrl, "--bound-audience", "latchkey",
                "--bound-subject", SUBJECT);
        assertThat(asAdmin("identity", "oidc-auth", "get", oidcIdentity).out()).contains(issuerUrl).contains(SUBJECT);
        assertThat(asAdmin("identity", "get", jwtIdentity).out()).contains("jwt-auth");
    }

    @Test
    @Order(2)
    void ciWhenLogsInWithItsProvidersJwtThenTheProfileHoldsAnIdentityToken() throws IOException {
        CliProcess ci = new CliProcess();
        Path jwtFile = file(ci, "job.jwt", jwt(ciKey, SUBJECT) + "\n");
        CliProcess.Result login = ok(run(ci, Map.of(), null, "login", "--identity-id", jwtIdentity, "--method", "jwt-auth",
                "--jwt-file", jwtFile.toString()));
        assertThat(login.out()).contains("Logged in as machine identity " + jwtIdentity + " with jwt-auth");
        JsonNode whoami = ok(run(ci, Map.of(), null, "--json", "whoami")).json();
        assertThat(whoami.get("tokenUse").asText()).isEqualTo("identity");
        assertThat(whoami.get("subject").asText()).isEqualTo(jwtIdentity);
        assertThat(ok(run(ci, Map.of(), null, "identity", "get", jwtIdentity)).out()).contains("ci-jwt");

        CliProcess oidc = new CliProcess();
        CliProcess.Result byDefault = ok(run(oidc, Map.of(), jwt(ciKey, SUBJECT), "--json", "login", "--identity-id", oidcIdentity,
                "--jwt-file", "-"));
        assertThat(byDefault.json().get("method").asText()).as("oidc-auth is the default").isEqualTo("oidc-auth");
        CliProcess envOnly = new CliProcess();
        ok(run(envOnly, Map.of("LATCHKEY_JWT", jwt(ciKey, SUBJECT)), null, "login", "--identity-id", oidcIdentity));
    }

    @Test
    @Order(3)
    void ciWhenTheJwtIsRefusedOrMalformedThenExitCodeAndOneLineMessageWithoutTheJwt() throws IOException {
        CliProcess ci = new CliProcess();
        CliProcess.Result forged = run(ci, Map.of(), jwt(stranger, SUBJECT), "login", "--identity-id", jwtIdentity,
                "--method", "jwt-auth", "--jwt-file", "-");
        assertThat(forged.exit()).as(forged.toString()).isEqualTo(3);
        assertThat(forged.err()).startsWith("latchkey: error: ").contains("request id:").doesNotContain("Exception")
                .doesNotContain("\tat ");
        CliProcess.Result otherRepo = run(ci, Map.of(), jwt(ciKey, "repo:evil/api:ref:refs/heads/main"), "login",
                "--identity-id", jwtIdentity, "--method", "jwt-auth", "--jwt-file", "-");
        assertThat(otherRepo.exit()).as(otherRepo.toString()).isEqualTo(3);
        String expired = ExternalJwts.rs256(ciKey, issuerUrl, SUBJECT, "latchkey",
                c -> c.claim("env", "prod").expirationTime(Date.from(Instant.now().minusSeconds(600))));
        credentials.add(expired);
        assertThat(run(ci, Map.of("LATCHKEY_JWT", expired), null, "login", "--identity-id", jwtIdentity, "--method", "jwt-auth")
                .exit()).isEqualTo(3);
        CliProcess.Result wrongMethod = run(ci, Map.of(), jwt(ciKey, SUBJECT), "login", "--identity-id", jwtIdentity,
                "--jwt-file", "-");
        assertThat(wrongMethod.exit()).as("a jwt-auth identity through oidc-auth").isEqualTo(3);

        CliProcess.Result malformed = run(ci, Map.of(), "not a jwt at all", "login", "--identity-id", jwtIdentity, "--jwt-file", "-");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("is not a signed JWT in compact form").doesNotContain("not a jwt at all");
        assertThat(Files.exists(ci.configDir().resolve("config.json"))).as("nothing stored").isFalse();
    }

    @Test
    @Order(4)
    void tokenAuthWhenAdminMintsATokenThenItWorksFromTheVariableAndFromAProfileUntilRevoked() throws IOException {
        tokenIdentity = asAdmin("--json", "identity", "create", "--name", "deployer", "--role", "member").json().get("id").asText();
        assertThat(asAdmin("identity", "token-auth", "attach", tokenIdentity, "--access-token-ttl", "1d").out())
                .contains("Attached token auth").contains("86400s");
        asAdmin("identity", "token-auth", "update", tokenIdentity, "--access-token-num-uses", "100");
        assertThat(asAdmin("--json", "identity", "token-auth", "get", tokenIdentity).json().get("accessTokenNumUsesLimit").asLong())
                .isEqualTo(100);

        CliProcess.Result minted = asAdmin("identity", "token-auth", "token", "create", tokenIdentity, "--name", "deploy");
        String token = minted.out().trim();
        credentials.add(token);
        assertThat(minted.out()).as("the token alone on stdout").isEqualTo(token + "\n");
        assertThat(minted.err()).contains("shown this once");
        JsonNode list = asAdmin("--json", "identity", "token-auth", "token", "list", tokenIdentity).json().get("tokens");
        String tokenId = list.get(0).get("id").asText();
        assertThat(list.get(0).get("name").asText()).isEqualTo("deploy");
        assertThat(asAdmin("identity", "token-auth", "token", "rename", tokenId, "--name", "deploy-v1").out())
                .contains("Renamed token " + tokenId + " to deploy-v1");
        assertThat(asAdmin("identity", "token-auth", "token", "get", tokenId).out()).contains("deploy-v1").contains("active");

        CliProcess machine = new CliProcess();
        ok(run(machine, Map.of("LATCHKEY_TOKEN", token), null, "identity", "get", tokenIdentity));
        Path tokenFile = file(machine, "deploy.token", token + "\n");
        assertThat(ok(run(machine, Map.of(), null, "login", "--token-file", tokenFile.toString())).out())
                .contains("Stored the token of machine identity " + tokenIdentity);
        assertThat(ok(run(machine, Map.of(), null, "identity", "get", tokenIdentity)).out()).contains("deployer");

        asAdmin("identity", "token-auth", "token", "revoke", tokenId);
        CliProcess.Result refused = run(machine, Map.of(), null, "identity", "get", tokenIdentity);
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(asAdmin("identity", "token-auth", "token", "list", tokenIdentity).out()).contains("revoked");
    }

    @Test
    @Order(5)
    void revokeWhenJwtAuthDetachedThenItsTokensStopAndNoOutputEverHeldACredential() throws IOException {
        CliProcess ci = new CliProcess();
        ok(run(ci, Map.of("LATCHKEY_JWT", jwt(ciKey, SUBJECT)), null, "login", "--identity-id", jwtIdentity, "--method", "jwt-auth"));
        ok(run(ci, Map.of(), null, "identity", "get", jwtIdentity));
        assertThat(asAdmin("identity", "jwt-auth", "revoke", jwtIdentity, "--yes").out()).contains("Revoked JWT auth");
        assertThat(run(ci, Map.of(), null, "identity", "get", jwtIdentity).exit()).isEqualTo(3);
        assertThat(asAdmin("identity", "token-auth", "revoke", tokenIdentity, "--yes").out()).contains("Revoked token auth");

        for (CliProcess.Result r : all) {
            for (String c : credentials) {
                if (r.out().trim().equals(c)) {
                    continue; // the one output that was asked to print it: token create
                }
                assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(c);
            }
        }
        assertThat(credentials).hasSizeGreaterThan(8);
        for (String c : credentials) {
            assertThat(server.logs()).doesNotContain(c);
        }
    }
}
