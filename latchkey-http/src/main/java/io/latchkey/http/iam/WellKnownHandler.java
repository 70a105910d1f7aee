package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.keys.KeyRingSnapshot;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public key discovery: the JWKS of the IAM dialect ({@code /iam/.well-known/jwks.json}, whose
 * {@code keys[0]} is always the active ES256 key that signs project-scoped tokens), the instance JWKS
 * ({@code /.well-known/jwks.json}, same keys and order), a DID document, and an OpenID-style discovery
 * document naming the token endpoint.
 *
 * <p>The rendered JWKS is cached per key-ring snapshot and minute (retired keys drop out of the set when
 * their publication window ends), so serving it costs a byte copy.
 *
 * @since 0.1
 */
public final class WellKnownHandler {
    private final HttpServices services;
    private final String publicUrl;
    private volatile Cached cached;

    private record Cached(KeyRingSnapshot snapshot, long minute, byte[] jwks) {
    }

    public WellKnownHandler(HttpServices services, String publicUrl) {
        this.services = Require.nonNull(services, "services");
        this.publicUrl = Require.nonBlank(publicUrl, "publicUrl");
    }

    public void jwks(Context ctx) throws Exception {
        KeyRingSnapshot snap = services.keyRing().snapshot();
        long minute = services.clock().millis() / 60_000;
        Cached c = cached;
        if (c == null || c.snapshot != snap || c.minute != minute) {
            byte[] body = Json.mapper().writeValueAsBytes(services.jwks().publicJwkSet(snap.published(services.clock().instant())));
            c = new Cached(snap, minute, body);
            cached = c;
        }
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.contentType("application/json").result(c.jwks);
    }

    public void didDocument(Context ctx) {
        String host = publicUrl.replaceFirst("^https?://", "").replace(":", "%3A");
        String did = "did:web:" + host;
        List<Map<String, Object>> methods = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (LoadedKey k : services.keyRing().snapshot().published(Instant.now(services.clock()))) {
            if (k.algorithm() != JwsAlgorithm.ES256) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", did + "#" + k.kid());
            m.put("type", "JsonWebKey2020");
            m.put("controller", did);
            m.put("publicKeyJwk", services.jwks().publicJwkSet(List.of(k)).get("keys") instanceof List<?> l ? l.get(0) : null);
            methods.add(m);
            refs.add(did + "#" + k.kid());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"));
        doc.put("id", did);
        doc.put("verificationMethod", methods);
        doc.put("assertionMethod", refs);
        doc.put("authentication", refs);
        ctx.json(doc);
    }

    public void discovery(Context ctx) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", services.tokens().settings().issuer());
        d.put("token_endpoint", publicUrl + "/auth/oauth2/token");
        d.put("jwks_uri", publicUrl + "/.well-known/jwks.json");
        d.put("grant_types_supported", List.of("client_credentials"));
        d.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        d.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "RS512", "ES256", "ES512"));
        d.put("id_token_signing_alg_values_supported", List.of("ES256"));
        d.put("scopes_supported", List.of("openid"));
        d.put("response_types_supported", List.of("token"));
        ctx.json(d);
    }
}
