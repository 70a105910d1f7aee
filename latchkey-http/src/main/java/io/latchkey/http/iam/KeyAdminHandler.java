package io.latchkey.http.iam;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.keys.SigningKey;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.JwsAlgorithm;
import io.latchkey.http.HttpServices;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

import java.util.List;

/**
 * Signing-key administration (native extension, instance administrator only): {@code GET
 * /iam/v1/admin/keys} lists the ring (public metadata only), {@code POST /iam/v1/admin/keys/rotate}
 * rotates one algorithm. Rotation is deliberate: see KeyRing for what it does to long-running clients.
 *
 * @since 0.1
 */
public final class KeyAdminHandler {
    private final HttpServices services;
    private final Auth auth;

    /** Request body of rotate; {@code algorithm} defaults to ES256. */
    public record RotateRequest(String algorithm) {
    }

    /** Public metadata of a key. */
    public record KeyDto(String kid, String algorithm, String status, String createdAt, String activatedAt,
                         String retiredAt, String publishUntil) {
        static KeyDto of(SigningKey k) {
            return new KeyDto(k.kid(), k.algorithm().name(), k.status().name().toLowerCase(java.util.Locale.ROOT),
                    str(k.createdAt()), str(k.activatedAt()), str(k.retiredAt()), str(k.publishUntil()));
        }

        private static String str(Object o) {
            return o == null ? null : o.toString();
        }
    }

    /** The ring. */
    public record KeyList(List<KeyDto> keys) {
    }

    public KeyAdminHandler(HttpServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    public void list(Context ctx) {
        requireInstanceAdmin(ctx);
        ctx.json(new KeyList(services.keyRing().stored().stream().map(KeyDto::of).toList()));
    }

    public void rotate(Context ctx) {
        Actor actor = requireInstanceAdmin(ctx);
        RotateRequest req = JsonBodies.readOptional(ctx, RotateRequest.class, new RotateRequest(null));
        JwsAlgorithm alg = req.algorithm() == null ? JwsAlgorithm.ES256 : JwsAlgorithm.parse(req.algorithm(), "algorithm");
        if (alg != JwsAlgorithm.ES256 && alg != JwsAlgorithm.RS256) {
            throw LatchkeyException.invalidField("algorithm", "algorithm must be ES256 or RS256");
        }
        List<SigningKey> keys = services.keyRing().rotate(alg, actor, Requests.meta(ctx));
        ctx.json(new KeyList(keys.stream().map(KeyDto::of).toList()));
    }

    private Actor requireInstanceAdmin(Context ctx) {
        Actor actor = auth.actor(ctx, Auth.ORG_MEMBER);
        if (!actor.instanceAdmin()) {
            throw LatchkeyException.forbidden("only the instance administrator may manage signing keys");
        }
        return actor;
    }
}
