package io.latchkey.http.secrets;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.kms.KeyUsage;
import io.latchkey.core.kms.KmsAlgorithm;
import io.latchkey.core.kms.KmsService;
import io.latchkey.core.kms.SigningAlgorithm;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.support.Require;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;
import io.latchkey.http.secrets.SecretsDataDtos.CreateKeyBody;
import io.latchkey.http.secrets.SecretsDataDtos.DecryptBody;
import io.latchkey.http.secrets.SecretsDataDtos.EncryptBody;
import io.latchkey.http.secrets.SecretsDataDtos.KmsKeyDto;
import io.latchkey.http.secrets.SecretsDataDtos.SignBody;
import io.latchkey.http.secrets.SecretsDataDtos.UpdateKeyBody;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * KMS keys (specs/infisical.md section 8, K1-K12) and the native rotation endpoint
 * {@code POST /api/v1/kms/keys/{keyId}/rotate}. Binary members are base64. The SDK echoes {@code keyId} in
 * bodies; the path wins.
 *
 * @since 0.1
 */
public final class KmsHandler {
    private final SecretsDataServices services;
    private final Auth auth;

    public KmsHandler(SecretsDataServices services, Auth auth) {
        this.services = Require.nonNull(services, "services");
        this.auth = Require.nonNull(auth, "auth");
    }

    /** K1. */
    public void create(Context ctx) {
        Actor actor = actor(ctx);
        CreateKeyBody b = JsonBodies.read(ctx, CreateKeyBody.class);
        KeyUsage usage = KeyUsage.fromWire(b.keyUsage(), "keyUsage");
        KmsAlgorithm algorithm = KmsAlgorithm.fromWire(b.encryptionAlgorithm(), usage, "encryptionAlgorithm");
        key(ctx, services.kms().create(actor, b.projectId(), b.name(), b.description(), usage, algorithm, Requests.meta(ctx)));
    }

    /** K2. */
    public void list(Context ctx) {
        Actor actor = actor(ctx);
        int offset = SecretsDataParams.integer(ctx, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = SecretsDataParams.integer(ctx, "limit", 1, 100, 100);
        String orderBy = ctx.queryParam("orderBy");
        if (orderBy != null && !orderBy.equals("name") && !orderBy.equals("createdAt")) {
            throw LatchkeyException.invalidField("orderBy", "orderBy must be name or createdAt");
        }
        String direction = ctx.queryParam("orderDirection");
        if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
            throw LatchkeyException.invalidField("orderDirection", "orderDirection must be asc or desc");
        }
        KmsService.KeyPage page = services.kms().list(actor, ctx.queryParam("projectId"), ctx.queryParam("search"),
                "createdAt".equals(orderBy), "desc".equals(direction), offset, limit, Requests.meta(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keys", page.keys().stream().map(KmsKeyDto::of).toList());
        out.put("totalCount", page.totalCount());
        ctx.json(out);
    }

    /** K3. */
    public void get(Context ctx) {
        key(ctx, services.kms().get(actor(ctx), ctx.pathParam("keyId"), Requests.meta(ctx)));
    }

    /** K4. */
    public void getByName(Context ctx) {
        key(ctx, services.kms().getByName(actor(ctx), ctx.queryParam("projectId"), ctx.pathParam("keyName"), Requests.meta(ctx)));
    }

    /** K5. */
    public void update(Context ctx) {
        Actor actor = actor(ctx);
        UpdateKeyBody b = JsonBodies.read(ctx, UpdateKeyBody.class);
        key(ctx, services.kms().update(actor, ctx.pathParam("keyId"), b.name(), b.isDisabled(), b.description(), Requests.meta(ctx)));
    }

    /** K6: no body. */
    public void delete(Context ctx) {
        key(ctx, services.kms().delete(actor(ctx), ctx.pathParam("keyId"), Requests.meta(ctx)));
    }

    public void rotate(Context ctx) {
        key(ctx, services.kms().rotate(actor(ctx), ctx.pathParam("keyId"), Requests.meta(ctx)));
    }

    /** K7. */
    public void encrypt(Context ctx) {
        Actor actor = actor(ctx);
        EncryptBody b = JsonBodies.read(ctx, EncryptBody.class);
        byte[] ciphertext = services.kms().encrypt(actor, ctx.pathParam("keyId"), base64(b.plaintext(), "plaintext"), Requests.meta(ctx));
        ctx.json(Map.of("ciphertext", Base64.getEncoder().encodeToString(ciphertext)));
    }

    /** K8. */
    public void decrypt(Context ctx) {
        Actor actor = actor(ctx);
        DecryptBody b = JsonBodies.read(ctx, DecryptBody.class);
        byte[] plaintext = services.kms().decrypt(actor, ctx.pathParam("keyId"), base64(b.ciphertext(), "ciphertext"), Requests.meta(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("plaintext", Base64.getEncoder().encodeToString(plaintext)));
    }

    /** K9. */
    public void sign(Context ctx) {
        Actor actor = actor(ctx);
        SignBody b = JsonBodies.read(ctx, SignBody.class);
        SigningAlgorithm algorithm = SigningAlgorithm.fromWire(b.signingAlgorithm(), "signingAlgorithm");
        KmsService.SignResult r = services.kms().sign(actor, ctx.pathParam("keyId"), base64(b.data(), "data"), algorithm,
                Boolean.TRUE.equals(b.isDigest()), Requests.meta(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signature", Base64.getEncoder().encodeToString(r.signature()));
        out.put("keyId", r.keyId());
        out.put("signingAlgorithm", r.algorithm().name());
        ctx.json(out);
    }

    /** K10: a wrong signature is {@code signatureValid: false}, not an error. */
    public void verify(Context ctx) {
        Actor actor = actor(ctx);
        SignBody b = JsonBodies.read(ctx, SignBody.class);
        SigningAlgorithm algorithm = SigningAlgorithm.fromWire(b.signingAlgorithm(), "signingAlgorithm");
        String keyId = ctx.pathParam("keyId");
        boolean valid = services.kms().verify(actor, keyId, base64(b.data(), "data"), base64(b.signature(), "signature"),
                algorithm, Boolean.TRUE.equals(b.isDigest()), Requests.meta(ctx));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signatureValid", valid);
        out.put("keyId", keyId);
        out.put("signingAlgorithm", algorithm.name());
        ctx.json(out);
    }

    /** K11. */
    public void signingAlgorithms(Context ctx) {
        ctx.json(Map.of("signingAlgorithms", services.kms().signingAlgorithms(actor(ctx), ctx.pathParam("keyId"), Requests.meta(ctx))
                .stream().map(Enum::name).toList()));
    }

    /** K12; {@code ?version=n} exports an earlier version's key. */
    public void publicKey(Context ctx) {
        byte[] spki = services.kms().publicKey(actor(ctx), ctx.pathParam("keyId"),
                Requests.intQuery(ctx, "version", 1, Integer.MAX_VALUE), Requests.meta(ctx));
        ctx.json(Map.of("publicKey", Base64.getEncoder().encodeToString(spki)));
    }

    private Actor actor(Context ctx) {
        return auth.actor(ctx, SecretsDataParams.CALLERS);
    }

    private static void key(Context ctx, io.latchkey.core.kms.KmsKey key) {
        ctx.json(Map.of("key", KmsKeyDto.of(key)));
    }

    private static byte[] base64(String value, String field) {
        if (value == null) {
            throw LatchkeyException.missingField(field);
        }
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(value.trim());
            } catch (IllegalArgumentException e2) {
                throw LatchkeyException.invalidField(field, field + " must be base64");
            }
        }
    }
}
