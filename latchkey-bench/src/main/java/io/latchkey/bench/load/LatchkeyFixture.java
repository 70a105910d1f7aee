package io.latchkey.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prepares a fresh, bootstrapped Latchkey through its public API and describes the benchmarked flows
 * (issue 7): the personal-access-token endpoint with a fresh RS256 client assertion per request, the
 * access-key exchange, universal-auth login, project-scoped token creation, a secret read by name, a list of
 * 100 secrets, and the HTTP authorization check. The token's policy holds {@value #POLICY_STATEMENTS}
 * statements, so secret reads and authorization checks evaluate a realistically sized policy.
 */
final class LatchkeyFixture {
    static final String OWNER_EMAIL = "owner@bench.example";
    static final int POLICY_STATEMENTS = 100;
    static final int SECRETS = 100;
    private static final String[] SERVICES = {"kms", "iam", "audit", "accesskey"};

    private final Api api;
    private final String hostPort;
    private final String tokenEndpoint;
    private final String ownerPassword = UUID.randomUUID().toString();

    private String adminToken;
    private String orgId;
    private String owner;
    private String projectId;
    private String tokenId;
    private AssertionPool patAssertions;
    private String patSession;
    private String projectToken;
    private String accessKeyBearer;
    private String uaClientId;
    private String uaClientSecret;

    LatchkeyFixture(ServerHandle server) {
        this.api = new Api(server.baseUrl());
        this.hostPort = server.hostPort();
        this.tokenEndpoint = server.baseUrl() + "/auth/oauth2/token";
    }

    /** Bootstraps the instance; returns this for the fluent {@link #prepare()} after a restart. */
    LatchkeyFixture bootstrap() {
        JsonNode r = api.post("/api/v1/admin/bootstrap", null,
                Map.of("email", OWNER_EMAIL, "password", ownerPassword, "organization", "Bench"));
        adminToken = Api.text(r, "identity.credentials.token");
        orgId = Api.text(r, "organization.id");
        return this;
    }

    /** Creates everything the flows need; the instance must be bootstrapped. */
    LatchkeyFixture prepare() {
        owner = Api.text(api.post("/iam/v1/login", null, Map.of("email", OWNER_EMAIL, "password", ownerPassword)),
                "accessToken");
        projectId = Api.text(api.post("/iam/v1/projects", owner, Map.of("name", "bench", "type", "secret-manager")), "id");
        preparePat();
        prepareSecrets();
        prepareAccessKey();
        prepareUniversalAuth();
        return this;
    }

    private void preparePat() {
        RSAKey key = AssertionPool.newKey("bench-k1");
        Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        tokenId = Api.text(api.post("/iam/v1/tokens", owner, Map.of("name", "bench", "authenticationMethod",
                Map.of("type", "PRIVATE_KEY", "signingAlgorithm", "RS256",
                        "publicKeyInfo", Map.of("jwks", Map.of("keys", List.of(jwk)))))), "id");
        String ownerProject = Api.text(api.post("/iam/v1/sts/create-project-scoped-token", owner,
                Map.of("projectId", projectId)), "accessToken");
        api.post("/iam/v1/projects/principals", ownerProject, Map.of("principalId", tokenId, "principalType", "token"),
                200, 204);
        api.put("/iam/v1/policies/principals/" + tokenId + "?principalType=token", ownerProject, policy());
        patAssertions = new AssertionPool(key, tokenId, tokenEndpoint);
        patSession = Api.text(api.form("/auth/oauth2/token", null, patForm(patAssertions.sign())), "access_token");
        projectToken = Api.text(api.post("/iam/v1/sts/create-project-scoped-token", patSession,
                Map.of("projectId", projectId)), "accessToken");
    }

    /** 99 statements that do not decide a secret read (other services, other folders, some denies), then the grant. */
    private Map<String, Object> policy() {
        String ari = tokenAri();
        List<Map<String, Object>> statements = new ArrayList<>();
        for (int i = 0; i < POLICY_STATEMENTS - 1; i++) {
            boolean otherService = i % 2 == 0;
            String action = otherService ? SERVICES[i % SERVICES.length] + ":Verb" + i : "secrets:Read";
            String resource = otherService ? "ari:" + SERVICES[i % SERVICES.length] + "::" + projectId + ":thing/" + i + "/*"
                    : "ari:secrets::" + projectId + ":secret/prod/app-" + i + "/*";
            statements.add(Map.of("principal", List.of(ari), "action", List.of(action), "resource", List.of(resource),
                    "effect", i % 10 == 9 ? "Deny" : "Allow"));
        }
        statements.add(Map.of("principal", List.of(ari), "action", List.of("secrets:*"),
                "resource", List.of("ari:secrets::" + projectId + ":secret/dev/*"), "effect", "Allow"));
        return Map.of("version", "2022-12-15", "statement", statements);
    }

    private String tokenAri() {
        return "ari:iam::" + projectId + ":token/" + tokenId;
    }

    private Map<String, String> patForm(String assertion) {
        return Request.fields("grant_type", "client_credentials", "scope", "openid",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "client_id", tokenId);
    }

    private void prepareSecrets() {
        List<Map<String, String>> secrets = new ArrayList<>();
        for (int i = 0; i < SECRETS; i++) {
            secrets.add(Map.of("secretKey", "BENCH_" + i, "secretValue", "value-" + i + "-" + UUID.randomUUID()));
        }
        api.post("/api/v3/secrets/batch/raw", owner, Map.of("workspaceId", projectId, "environment", "dev",
                "secretPath", "/", "secrets", secrets));
        // Both flows must answer 200 with the PAT's project-scoped token before they are measured.
        api.get(secretPath("BENCH_7"), projectToken);
        JsonNode list = api.get(listPath(), projectToken);
        if (list.path("secrets").size() != SECRETS) {
            throw new IllegalStateException("expected " + SECRETS + " secrets in the list, got " + list.path("secrets").size());
        }
    }

    private String secretPath(String name) {
        return "/api/v3/secrets/raw/" + name + "?workspaceId=" + projectId + "&environment=dev&secretPath="
                + URLEncoder.encode("/", StandardCharsets.UTF_8);
    }

    private String listPath() {
        return "/api/v3/secrets/raw?workspaceId=" + projectId + "&environment=dev&secretPath=%2F";
    }

    private void prepareAccessKey() {
        String keysProject = Api.text(api.post("/iam/v1/projects", owner, Map.of("name", "bench-keys")), "id");
        String mgmt = Api.text(api.post("/iam/v1/projects/" + keysProject + "/management-keys", owner,
                Map.of("name", "bench", "expiresIn", 0)), "cleartext");
        String key = Api.text(api.post("/v1/mgmt/accesskey/create", keysProject + ":" + mgmt,
                Map.of("name", "bench", "expireTime", 0)), "cleartext");
        accessKeyBearer = keysProject + ":" + key;
        api.post("/v1/auth/accesskey/exchange", accessKeyBearer, Map.of());
    }

    /** A machine identity with universal auth and one client secret (defaults: no use limit, any address). */
    private void prepareUniversalAuth() {
        String identity = Api.text(api.post("/api/v1/identities", adminToken, Map.of("name", "bench",
                "organizationId", orgId, "role", "member")), "identity.id");
        uaClientId = Api.text(api.post("/api/v1/auth/universal-auth/identities/" + identity, adminToken, Map.of()),
                "identityUniversalAuth.clientId");
        uaClientSecret = Api.text(api.post("/api/v1/auth/universal-auth/identities/" + identity + "/client-secrets",
                adminToken, Map.of("description", "bench")), "clientSecret");
        api.post("/api/v1/auth/universal-auth/login", null, Map.of("clientId", uaClientId, "clientSecret", uaClientSecret));
    }

    /** The flows, in the report's order. */
    List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        flows.add(new Flow("pat-token", "latchkey", Ceilings.PEERS.get("pat-token"), 200, () -> Request.of("POST", hostPort,
                "/auth/oauth2/token", null, "application/x-www-form-urlencoded",
                Request.form(patForm(patAssertions.next()))), patAssertions));
        flows.add(Flow.fixed("access-key-exchange", "latchkey", Ceilings.PEERS.get("access-key-exchange"), 200, Request.of("POST", hostPort,
                "/v1/auth/accesskey/exchange", "Bearer " + accessKeyBearer, "application/json", "{}")));
        flows.add(Flow.fixed("universal-auth-login", "latchkey", Ceilings.PEERS.get("universal-auth-login"), 200, Request.of("POST", hostPort,
                "/api/v1/auth/universal-auth/login", null, "application/json",
                Api.json(Map.of("clientId", uaClientId, "clientSecret", uaClientSecret)))));
        flows.add(Flow.fixed("project-scoped-token", "latchkey", Ceilings.PEERS.get("project-scoped-token"), 200, Request.of("POST", hostPort,
                "/iam/v1/sts/create-project-scoped-token", "Bearer " + patSession, "application/json",
                Api.json(Map.of("projectId", projectId)))));
        flows.add(Flow.fixed("secret-read", "latchkey", null, 200, Request.of("GET", hostPort, secretPath("BENCH_7"),
                "Bearer " + projectToken, null, null)));
        flows.add(Flow.fixed("secret-list-100", "latchkey", null, 200, Request.of("GET", hostPort, listPath(),
                "Bearer " + projectToken, null, null)));
        // The floor of every HTTP flow on this machine: the cheapest route (no credential, no storage), so the
        // cost of the HTTP stack, the loopback TCP and the generator alone.
        flows.add(Flow.fixed("http-floor", "latchkey", null, 200, Request.of("GET", hostPort, "/healthz", null, null, null)));
        flows.add(Flow.fixed("authz-check", "latchkey", null, 200, Request.of("POST", hostPort, "/iam/v1/authz/check",
                "Bearer " + owner, "application/json", Api.json(Map.of("principal", tokenAri(), "action", "secrets:Read",
                        "resource", "ari:secrets::" + projectId + ":secret/dev/BENCH_7")))));
        return flows;
    }
}
