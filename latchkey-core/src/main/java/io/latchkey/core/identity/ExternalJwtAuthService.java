package io.latchkey.core.identity;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgPermission;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * JWT auth and OIDC auth administration (seed 003, {@code identityAuth.jwt} and {@code identityAuth.oidc}):
 * attach, read, update and revoke the configuration that lets an identity log in with a JWT from an
 * outside issuer. Logging in is {@link io.latchkey.core.identity.auth.ExternalJwtAuthMethod}.
 *
 * <p>JWT auth takes the issuer's keys as PEM ({@code configurationType: "static"}) or a JWKS URL
 * ({@code "jwks"}); OIDC auth takes a discovery URL. URLs must be https (plain http only on loopback).
 * Custom CA certificates ({@code jwksCaCert}, {@code caCert}) are not supported: the endpoint must present
 * a certificate the JVM trusts.
 *
 * @since 0.1
 */
public final class ExternalJwtAuthService {
    public static final String STATIC = "static";
    public static final String JWKS = "jwks";
    static final int MAX_KEYS = 20;
    static final int MAX_TEXT = 1000;

    private final Transactions transactions;
    private final IdentityAuthRepository configs;
    private final IdentityAccess access;
    private final IdentityTokens tokens;
    private final ExternalJwtVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;

    public ExternalJwtAuthService(Transactions transactions, IdentityAuthRepository configs, IdentityAccess access,
                                  IdentityTokens tokens, ExternalJwtVerifier verifier, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.configs = Require.nonNull(configs, "configs");
        this.access = Require.nonNull(access, "access");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.verifier = Require.nonNull(verifier, "verifier");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /**
     * Requested settings; null members keep their current value. {@code configurationType},
     * {@code jwksUrl} and {@code publicKeys} apply to JWT auth, {@code oidcDiscoveryUrl} to OIDC auth.
     */
    public record Changes(String configurationType, String jwksUrl, List<String> publicKeys, String oidcDiscoveryUrl,
                          String caCert, String boundIssuer, List<String> boundAudiences, String boundSubject,
                          Map<String, List<String>> boundClaims, Map<String, String> claimMetadataMapping,
                          AccessTokenSettings.Changes tokens) {
        public Changes {
            tokens = tokens == null ? AccessTokenSettings.Changes.NONE : tokens;
        }
    }

    public ExternalJwtAuthConfig attach(Actor actor, String method, String identityId, Changes changes, RequestMeta meta) {
        MachineIdentity identity = manage(actor, method, identityId, "attach");
        Instant now = clock.instant();
        ExternalJwtAuthConfig config = apply(ExternalJwtAuthConfig.builder().id(Ids.uuid()).identityId(identity.id())
                .method(method).createdAt(now), method, null, changes).build();
        transactions.run(() -> {
            if (!configs.insertExternalJwtAuth(config)) {
                throw LatchkeyException.of(ErrorCode.ALREADY_EXISTS, method + " is already attached to the identity");
            }
            record(actor, identity, method, "attach", meta);
        });
        return config;
    }

    public ExternalJwtAuthConfig get(Actor actor, String method, String identityId) {
        checkMethod(method);
        return require(access.require(actor, identityId, OrgPermission.IDENTITIES_READ, "read identities"), method);
    }

    public ExternalJwtAuthConfig update(Actor actor, String method, String identityId, Changes changes, RequestMeta meta) {
        MachineIdentity identity = manage(actor, method, identityId, "configure");
        ExternalJwtAuthConfig current = require(identity, method);
        ExternalJwtAuthConfig updated = apply(ExternalJwtAuthConfig.from(current), method, current, changes)
                .updatedAt(clock.instant()).build();
        transactions.run(() -> {
            configs.updateExternalJwtAuth(updated);
            record(actor, identity, method, "update", meta);
        });
        return updated;
    }

    /** Detaches the method and revokes every token obtained through it. */
    public ExternalJwtAuthConfig revoke(Actor actor, String method, String identityId, RequestMeta meta) {
        MachineIdentity identity = manage(actor, method, identityId, "revoke");
        ExternalJwtAuthConfig current = require(identity, method);
        transactions.run(() -> {
            configs.deleteExternalJwtAuth(identity.id(), method);
            tokens.revokeAllOf(identity.id(), method);
            record(actor, identity, method, "revoke", meta);
        });
        return current;
    }

    /** Applies changes over {@code current} (null on attach) and validates the key source and bindings. */
    private ExternalJwtAuthConfig.Builder apply(ExternalJwtAuthConfig.Builder b, String method,
                                                ExternalJwtAuthConfig current, Changes c) {
        if (c.caCert() != null && !c.caCert().isBlank()) {
            String field = AuthMethodNames.JWT_AUTH.equals(method) ? "jwksCaCert" : "caCert";
            throw LatchkeyException.invalidField(field, "custom CA certificates are not supported; serve the keys with a certificate the server trusts");
        }
        ExternalKeySource source = keySource(method, current == null ? null : current.keySource(), c);
        verifier.validate(source);
        BoundClaims was = current == null ? new BoundClaims(null, null, null, null) : current.bindings();
        BoundClaims bindings = new BoundClaims(
                c.boundIssuer() == null ? was.issuer() : Validate.optionalText(c.boundIssuer(), "boundIssuer", MAX_TEXT),
                c.boundAudiences() == null ? was.audiences() : texts(c.boundAudiences(), "boundAudiences"),
                c.boundSubject() == null ? was.subject() : Validate.optionalText(c.boundSubject(), "boundSubject", MAX_TEXT),
                c.boundClaims() == null ? was.claims() : boundClaims(c.boundClaims()));
        Map<String, String> mapping = c.claimMetadataMapping() == null
                ? (current == null ? Map.of() : current.claimMetadataMapping()) : mapping(c.claimMetadataMapping());
        AccessTokenSettings settings = AccessTokenSettings.apply(current == null ? AccessTokenSettings.DEFAULTS
                : current.tokens(), c.tokens());
        return b.keySource(source).bindings(bindings).claimMetadataMapping(mapping).tokens(settings);
    }

    private static ExternalKeySource keySource(String method, ExternalKeySource current, Changes c) {
        if (AuthMethodNames.OIDC_AUTH.equals(method)) {
            String url = c.oidcDiscoveryUrl() != null ? c.oidcDiscoveryUrl()
                    : current instanceof ExternalKeySource.OidcDiscovery d ? d.url() : null;
            return new ExternalKeySource.OidcDiscovery(requireText(url, "oidcDiscoveryUrl"));
        }
        String type = c.configurationType() != null ? c.configurationType()
                : current instanceof ExternalKeySource.StaticKeys ? STATIC : current == null ? null : JWKS;
        if (type == null) {
            throw LatchkeyException.missingField("configurationType");
        }
        if (JWKS.equals(type)) {
            String url = c.jwksUrl() != null ? c.jwksUrl() : current instanceof ExternalKeySource.JwksUrl j ? j.url() : null;
            return new ExternalKeySource.JwksUrl(requireText(url, "jwksUrl"));
        }
        if (STATIC.equals(type)) {
            List<String> keys = c.publicKeys() != null ? c.publicKeys()
                    : current instanceof ExternalKeySource.StaticKeys s ? s.pemKeys() : null;
            if (keys == null || keys.isEmpty()) {
                throw LatchkeyException.missingField("publicKeys");
            }
            if (keys.size() > MAX_KEYS) {
                throw LatchkeyException.invalidField("publicKeys", "publicKeys may hold at most " + MAX_KEYS + " keys");
            }
            return new ExternalKeySource.StaticKeys(keys);
        }
        throw LatchkeyException.invalidField("configurationType", "configurationType must be jwks or static");
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        return value.trim();
    }

    private static List<String> texts(List<String> values, String field) {
        if (values.size() > ExternalJwtAuthConfig.MAX_MAPPINGS) {
            throw LatchkeyException.invalidField(field, field + " may hold at most " + ExternalJwtAuthConfig.MAX_MAPPINGS + " values");
        }
        for (int i = 0; i < values.size(); i++) {
            Validate.name(values.get(i), field + "[" + i + "]", MAX_TEXT);
        }
        return values.stream().map(String::trim).toList();
    }

    private static Map<String, List<String>> boundClaims(Map<String, List<String>> claims) {
        if (claims.size() > ExternalJwtAuthConfig.MAX_MAPPINGS) {
            throw LatchkeyException.invalidField("boundClaims", "boundClaims may hold at most "
                    + ExternalJwtAuthConfig.MAX_MAPPINGS + " claims");
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        claims.forEach((k, v) -> out.put(Validate.name(k, "boundClaims", 256), texts(v, "boundClaims." + k)));
        return out;
    }

    private static Map<String, String> mapping(Map<String, String> mapping) {
        if (mapping.size() > ExternalJwtAuthConfig.MAX_MAPPINGS) {
            throw LatchkeyException.invalidField("claimMetadataMapping", "claimMetadataMapping may hold at most "
                    + ExternalJwtAuthConfig.MAX_MAPPINGS + " entries");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        mapping.forEach((k, v) -> out.put(Validate.name(k, "claimMetadataMapping", 64),
                Validate.name(v, "claimMetadataMapping." + k, 256)));
        return out;
    }

    private MachineIdentity manage(Actor actor, String method, String identityId, String verb) {
        checkMethod(method);
        return access.require(actor, identityId, OrgPermission.IDENTITIES_MANAGE, verb + " " + method);
    }

    private static void checkMethod(String method) {
        if (!AuthMethodNames.JWT_AUTH.equals(method) && !AuthMethodNames.OIDC_AUTH.equals(method)) {
            throw new IllegalArgumentException("not an outside-JWT auth method: " + method);
        }
    }

    private ExternalJwtAuthConfig require(MachineIdentity identity, String method) {
        return configs.findExternalJwtAuth(identity.id(), method)
                .orElseThrow(() -> LatchkeyException.notFound(method + " of the identity", identity.id()));
    }

    private void record(Actor actor, MachineIdentity identity, String method, String verb, RequestMeta meta) {
        audit.record(AuditRecord.builder("identity." + method.replace('-', '_') + "." + verb, AuditOutcome.SUCCESS)
                .actor(actor).meta(meta).org(identity.orgId()).target("identity", identity.id()));
    }
}
