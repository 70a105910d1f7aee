package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.keys.KeyRingSnapshot;
import io.latchkey.core.keys.LoadedKey;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * K1, {@code GET /v2/keys/{projectId}} (specs/descope-access-keys.md section 4.4): the public keys that verify
 * access-key session JWTs. RSA only, because the vendor's Java SDK rebuilds every entry as an RSA key from
 * {@code n} and {@code e} (an EC key in the set breaks it), and never empty. It lists every RS256 key the key
 * ring publishes: the active one, the pre-published next one and retired ones still inside their publication
 * window, so a session signed before a rotation keeps verifying until it expires.
 *
 * <p>Only a well-formed project id is required: the keys are the instance's, so nothing here depends on the
 * project or reveals whether it exists. The JWK set is public material only (see
 * {@link io.latchkey.core.keys.JwkSetPublisher}); the rendered body is cached per key-ring snapshot and
 * minute.
 *
 * @since 0.1
 */
public final class SigningKeysHandler {
    private final HttpServices services;
    private volatile Cached cached;

    private record Cached(KeyRingSnapshot snapshot, long minute, byte[] body) {
    }

    SigningKeysHandler(HttpServices services) {
        this.services = Require.nonNull(services, "services");
    }

    public void keys(Context ctx) throws Exception {
        if (!Ids.isProjectId(ctx.pathParam("projectId"))) {
            throw LatchkeyException.invalidField("projectId", "projectId must be P followed by 27 letters or digits");
        }
        KeyRingSnapshot snap = services.keyRing().snapshot();
        long minute = services.clock().millis() / 60_000;
        Cached c = cached;
        if (c == null || c.snapshot() != snap || c.minute() != minute) {
            c = new Cached(snap, minute, Json.mapper().writeValueAsBytes(services.jwks().publicJwkSet(rsaKeys(snap))));
            cached = c;
        }
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.contentType("application/json").result(c.body());
    }

    private List<LoadedKey> rsaKeys(KeyRingSnapshot snap) {
        List<LoadedKey> out = new ArrayList<>();
        for (LoadedKey k : snap.published(Instant.now(services.clock()))) {
            if (k.algorithm() == JwsAlgorithm.RS256) {
                out.add(k);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("the key ring publishes no RS256 key");
        }
        return out;
    }
}
