package io.latchkey.it;

import com.nimbusds.jose.jwk.RSAKey;
import io.latchkey.testkit.ClientAssertions;
import io.latchkey.testkit.TestResponse;
import io.latchkey.testkit.TestServer;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenants of the isolation matrix on one server: a victim organization with one resource of every
 * kind the three dialects manage, and two attackers, each holding every credential kind it can mint:
 * a second organization, and a second project inside the victim's organization.
 *
 * <p>{@link #victim} names the victim's resources by role ({@code project}, {@code kmsKey}, ...);
 * {@link #missing} gives each of them a random value of the same shape that names nothing, so that a
 * foreign id and a non-existent one can be compared answer for answer.
 */
final class IsolationWorld {
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PASSWORD = "isolation matrix password";

    /** Who attacks: a tenant and the reach its credentials are meant to have. */
    enum Attacker {
        /** Another organization on the same instance: nothing of the victim's is reachable. */
        OTHER_ORGANIZATION,
        /** Another project in the victim's organization: organization-level objects are shared, projects are not. */
        OTHER_PROJECT
    }

    /** One credential of an attacker, named by kind. */
    record Credential(Attacker attacker, String kind, String value) {
        @Override
        public String toString() {
            return attacker + "/" + kind;
        }
    }

    final TestServer s;
    final Map<String, String> victim = new LinkedHashMap<>();
    final Map<String, String> missing = new LinkedHashMap<>();
    /** Every secret value the fixture created (tokens, keys, passwords), for the at-rest scan. */
    final java.util.List<String> createdSecrets = new java.util.ArrayList<>();
    final java.util.List<Credential> attackers = new java.util.ArrayList<>();
    String adminA;
    String ownerA;
    String ownerAProject;
    String victimMgmt;

    IsolationWorld(TestServer s) {
        this.s = s;
        TestResponse boot = s.bootstrap();
        adminA = boot.text("identity.credentials.token");
        put("org", boot.text("organization.id"));
        ownerA = s.login(TestServer.OWNER_EMAIL, TestServer.OWNER_PASSWORD);
        secret(adminA, ownerA, TestServer.OWNER_PASSWORD, PASSWORD);
        buildVictim();
        buildOtherOrganization();
        buildOtherProject();
        victim.forEach((k, v) -> missing.put(k, lookAlike(v)));
    }

    String v(String name) {
        return require(victim, name);
    }

    private static String require(Map<String, String> m, String name) {
        String value = m.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no world value " + name);
        }
        return value;
    }

    private void put(String name, String value) {
        assertThat(value).as(name).isNotBlank();
        victim.put(name, value);
    }

    /**
     * Records credentials for the at-rest scan: the value itself, the secret half of a
     * {@code <projectId>:<secret>} bearer, and the signature of a JWT (a stored token would carry it).
     */
    private void secret(String... values) {
        for (String v : values) {
            createdSecrets.add(v);
            int colon = v.indexOf(':');
            if (colon > 0 && v.startsWith("P")) {
                createdSecrets.add(v.substring(colon + 1));
            }
            if (v.chars().filter(c -> c == '.').count() == 2) {
                createdSecrets.add(v.substring(v.lastIndexOf('.') + 1));
            }
        }
    }

    static TestResponse ok(TestResponse r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
        return r;
    }

    // ---- the victim ---------------------------------------------------------------------------------

    private void buildVictim() {
        String project = ok(s.post("/iam/v1/projects", ownerA, Map.of("name", "victimproject", "type", "secret-manager"))).text("id");
        put("project", project);
        put("kmsProject", ok(s.post("/iam/v1/projects", ownerA, Map.of("name", "victimkeys", "type", "kms"))).text("id"));
        ownerAProject = scoped(ownerA, project);
        put("user", s.get("/iam/v1/users", ownerA).json().get("users").get(0).get("id").asText());

        RSAKey key = ClientAssertions.rsaKey("victim");
        secret(key.getPrivateExponent().toString(), key.getFirstPrimeFactor().toString());
        String pat = pat(ownerA, key, "victimpat");
        put("pat", pat);
        ok(s.post("/iam/v1/projects/principals", ownerAProject, Map.of("principalId", pat, "principalType", "token")));
        buildVictimAccessKeys(project);
        buildVictimIdentity(project);
        buildVictimSecrets(project);
    }

    private void buildVictimAccessKeys(String project) {
        String base = "/iam/v1/projects/" + project;
        TestResponse mk = ok(s.post(base + "/management-keys", ownerA, Map.of("name", "victimmgmt")));
        put("mgmtKey", mk.text("key.id"));
        victimMgmt = project + ":" + mk.text("cleartext");
        secret(mk.text("cleartext"));
        ok(s.post(base + "/permissions", ownerA, Map.of("name", "victimperm", "description", "victim permission")));
        put("permission", "victimperm");
        ok(s.post(base + "/roles", ownerA, Map.of("name", "victimrole", "permissionNames", List.of("victimperm"))));
        put("role", "victimrole");
        ok(s.post(base + "/tenants", ownerA, Map.of("id", "victimtenant", "name", "victim tenant")));
        put("tenant", "victimtenant");
        TestResponse ak = ok(s.post(base + "/access-keys", ownerA, Map.of("name", "victimkey", "roleNames", List.of("victimrole"))));
        put("accessKey", ak.text("key.id"));
        String session = ok(s.post("/v1/auth/accesskey/exchange", project + ":" + ak.text("cleartext"), Map.of())).text("sessionJwt");
        secret(ak.text("cleartext"), session);
    }

    private void buildVictimIdentity(String project) {
        String org = v("org");
        String identity = ok(s.post("/api/v1/identities", adminA, Map.of("name", "victimidentity", "organizationId", org,
                "role", "member"))).text("identity.id");
        put("identity", identity);
        String ua = "/api/v1/auth/universal-auth/identities/" + identity;
        String clientId = ok(s.post(ua, adminA, Map.of())).text("identityUniversalAuth.clientId");
        TestResponse cs = ok(s.post(ua + "/client-secrets", adminA, Map.of("description", "victim")));
        put("clientSecret", cs.text("clientSecretData.id"));
        String uaToken = ok(s.post("/api/v1/auth/universal-auth/login", null, Map.of("clientId", clientId,
                "clientSecret", cs.text("clientSecret")))).text("accessToken");
        secret(cs.text("clientSecret"), uaToken);
        ok(s.post("/api/v1/auth/token-auth/identities/" + identity, adminA, Map.of()));
        TestResponse t = ok(s.post("/api/v1/auth/token-auth/identities/" + identity + "/tokens", adminA, Map.of("name", "victimtoken")));
        put("identityToken", t.text("tokenData.id"));
        secret(t.text("accessToken"));
        ok(s.post("/api/v1/auth/jwt-auth/identities/" + identity, adminA, Map.of("configurationType", "jwks",
                "jwksUrl", "https://issuer.example/jwks", "boundIssuer", "https://issuer.example")));
        ok(s.post("/api/v2/workspace/" + project + "/identity-memberships/" + identity, adminA, Map.of("role", "viewer")));
        ok(s.post("/api/v1/organization/" + v("org") + "/roles", adminA, Map.of("slug", "victimorgrole",
                "name", "Victim role", "permissions", List.of("identities:read"))));
        put("orgRole", "victimorgrole");
        TestResponse members = ok(s.get("/api/v2/organizations/" + v("org") + "/memberships", adminA));
        put("membership", members.json().get("users").get(0).get("id").asText());
    }

    private void buildVictimSecrets(String project) {
        TestResponse envs = ok(s.get("/api/v1/workspace/" + project + "/environments", ownerA));
        put("environment", envs.json().get("environments").get(0).get("id").asText());
        TestResponse secret = ok(s.post("/api/v3/secrets/raw/VICTIMSECRET", ownerA, Map.of("workspaceId", project,
                "environment", "dev", "secretPath", "/", "secretValue", "victim-secret-value-8f3e")));
        put("secretName", "VICTIMSECRET");
        put("secret", secret.text("secret.id"));
        secret("victim-secret-value-8f3e");
        put("folder", ok(s.post("/api/v1/folders", ownerA, Map.of("workspaceId", project, "environment", "dev",
                "path", "/", "name", "victimfolder"))).text("folder.id"));
        put("import", ok(s.post("/api/v2/secret-imports", ownerA, Map.of("workspaceId", project, "environment", "staging",
                "path", "/", "import", Map.of("environment", "dev", "path", "/")))).text("secretImport.id"));
        put("kmsKey", ok(s.post("/api/v1/kms/keys", ownerA, Map.of("projectId", v("kmsProject"), "name", "victimkmskey")))
                .text("key.id"));
        put("kmsKeyName", "victimkmskey");
        put("webhook", ok(s.post("/api/v1/webhooks", ownerA, Map.of("workspaceId", project, "environment", "dev",
                "secretPath", "/", "webhookUrl", "http://127.0.0.1:9/victim-hook"))).text("webhook.id"));
    }

    // ---- the attackers ------------------------------------------------------------------------------

    private void buildOtherOrganization() {
        TestResponse org = ok(s.post("/iam/v1/admin/organizations", adminA, Map.of("name", "Globex")));
        String orgAdmin = org.text("identity.credentials.token");
        String orgB = org.text("organization.id");
        secret(orgAdmin);
        add(Attacker.OTHER_ORGANIZATION, "identity token (organization admin)", orgAdmin);
        String email = "mallory@globex.example";
        ok(s.post("/iam/v1/users", orgAdmin, Map.of("email", email, "password", PASSWORD, "role", "admin")));
        String user = s.login(email, PASSWORD);
        String project = ok(s.post("/iam/v1/projects", user, Map.of("name", "globexproject", "type", "secret-manager"))).text("id");
        projectCredentials(Attacker.OTHER_ORGANIZATION, user, project, orgAdmin, orgB);
    }

    private void buildOtherProject() {
        String email = "eve@example.com";
        ok(s.post("/iam/v1/users", ownerA, Map.of("email", email, "password", PASSWORD, "role", "member")));
        String user = s.login(email, PASSWORD);
        String project = ok(s.post("/iam/v1/projects", ownerA, Map.of("name", "eveproject", "type", "secret-manager"))).text("id");
        String eveId = ok(s.get("/iam/v1/users", ownerA)).json().findValues("id").stream()
                .map(n -> n.asText()).filter(id -> !id.equals(v("user"))).findFirst().orElseThrow();
        String adminScoped = scoped(ownerA, project);
        ok(s.post("/iam/v1/projects/principals", adminScoped, Map.of("principalId", eveId, "principalType", "user")));
        ok(s.put("/iam/v1/policies/principals/" + eveId + "?principalType=user", adminScoped, allowAll("ari:iam::" + project + ":user/" + eveId)));
        projectCredentials(Attacker.OTHER_PROJECT, user, project, adminA, v("org"));
    }

    /**
     * Every credential a tenant with a user and a project can hold: the user token, a PAT session and its
     * project-scoped token, the user's project-scoped token, a management key, an access-key session, and an
     * identity token of an identity that is a member of that project only.
     */
    private void projectCredentials(Attacker who, String user, String project, String orgAdmin, String orgId) {
        add(who, "user token", user);
        String userScoped = scoped(user, project);
        add(who, "user project-scoped token", userScoped);
        RSAKey key = ClientAssertions.rsaKey(who.name());
        secret(key.getPrivateExponent().toString());
        String pat = pat(user, key, "attackerpat");
        ok(s.post("/iam/v1/projects/principals", userScoped, Map.of("principalId", pat, "principalType", "token")));
        ok(s.put("/iam/v1/policies/principals/" + pat + "?principalType=token", userScoped, allowAll("*")));
        String session = ok(s.form("/auth/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", ClientAssertions.assertion(key, "RS256", pat, s.tokenEndpoint()), "client_id", pat)))
                .text("access_token");
        add(who, "PAT session", session);
        add(who, "PAT project-scoped token", scoped(session, project));

        String base = "/iam/v1/projects/" + project;
        TestResponse mk = ok(s.post(base + "/management-keys", user, Map.of("name", "attackermgmt")));
        String mgmt = project + ":" + mk.text("cleartext");
        add(who, "management key", mgmt);
        TestResponse ak = ok(s.post(base + "/access-keys", user, Map.of("name", "attackerkey")));
        add(who, "access-key session", ok(s.post("/v1/auth/accesskey/exchange", project + ":" + ak.text("cleartext"), Map.of()))
                .text("sessionJwt"));

        String identity = ok(s.post("/api/v1/identities", orgAdmin, Map.of("name", "attackeridentity", "organizationId", orgId,
                "role", "no-access"))).text("identity.id");
        ok(s.post("/api/v1/auth/token-auth/identities/" + identity, orgAdmin, Map.of()));
        String token = ok(s.post("/api/v1/auth/token-auth/identities/" + identity + "/tokens", orgAdmin, Map.of("name", "t")))
                .text("accessToken");
        ok(s.post("/api/v2/workspace/" + project + "/identity-memberships/" + identity, orgAdmin, Map.of("role", "admin")));
        add(who, "identity token (project admin)", token);
    }

    private void add(Attacker who, String kind, String value) {
        attackers.add(new Credential(who, kind, value));
        secret(value);
    }

    private String scoped(String token, String project) {
        return ok(s.post("/iam/v1/sts/create-project-scoped-token", token, Map.of("projectId", project))).text("accessToken");
    }

    private String pat(String user, RSAKey key, String name) {
        return ok(s.post("/iam/v1/tokens", user, Map.of("name", name, "authenticationMethod", Map.of("type", "PRIVATE_KEY",
                "signingAlgorithm", "RS256", "publicKeyInfo", ClientAssertions.publicKeyInfo(key, "RS256"))))).text("id");
    }

    private static Map<String, Object> allowAll(String principal) {
        return Map.of("version", "2022-12-15", "statement", List.of(Map.of("principal", List.of(principal),
                "action", List.of("*"), "resource", List.of("*"), "effect", "Allow")));
    }

    /**
     * A random value of the same shape: a UUID for a UUID, otherwise the same length with the first
     * character kept (type prefixes such as {@code P}) and every other letter or digit replaced by a random
     * one of its class.
     */
    static String lookAlike(String value) {
        if (UUID_SHAPE.matcher(value).matches()) {
            return UUID.randomUUID().toString();
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (i == 0 || !Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (Character.isDigit(c)) {
                sb.append((char) ('0' + RANDOM.nextInt(10)));
            } else if (Character.isUpperCase(c)) {
                sb.append((char) ('A' + RANDOM.nextInt(26)));
            } else {
                sb.append((char) ('a' + RANDOM.nextInt(26)));
            }
        }
        return sb.toString();
    }
}
