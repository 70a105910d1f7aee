package io.latchkey.core.pat;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.error.ErrorCategory;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.TtlCache;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenSettings;
import io.latchkey.core.token.TokenUse;
import io.latchkey.core.token.VerifiedJwt;
import io.latchkey.core.tx.BatchWrite;
import io.latchkey.core.tx.WritePlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * The OAuth2 client-credentials grant with a private-key JWT client assertion (RFC 7523 section 2.2,
 * RFC 7521 section 4.2), as the IAM dialect's auth provider uses it (specs/affinidi-iam.md section 5).
 *
 * <p>Steps, each a method: {@link #checkRequest} (grant and assertion type), the source address is not
 * locked out, the client is not locked out, {@link #findClient} (the token exists; remembered briefly), signature
 * ({@link ClientKeys#verifySignature}: the token's own algorithm only, key by kid), {@link #checkClaims}
 * (iss = sub = client id, audience, expiry, issue time and not-before with skew, bounded lifetime, jti
 * present), then issue, handing the token out only once the jti is recorded as used (across all nodes). Failures count
 * against the client id and the source address ({@link AttemptLimits#TOKEN_CLIENT},
 * {@link AttemptLimits#TOKEN_ADDRESS}); every attempt is audited.
 *
 * @since 0.1
 */
public final class ClientAssertionService {
    public static final String GRANT_TYPE = "client_credentials";
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final AttemptPolicy FAILURES_PER_CLIENT = AttemptLimits.TOKEN_CLIENT;
    static final AttemptPolicy FAILURES_PER_ADDRESS = AttemptLimits.TOKEN_ADDRESS;

    /** How long a client read from storage is remembered (see {@link #findClient}). */
    static final Duration CLIENT_TTL = Duration.ofSeconds(1);
    /** Clients remembered at most: those used within the last second (a PAT with an inline JWK set is about 2 KB). */
    static final int MAX_CLIENTS = 4_096;

    private final PatRepository tokens;
    private final TtlCache<String, PersonalAccessToken> clients;
    private final ClientKeys clientKeys;
    private final BatchWrite<ReplayMark, Boolean> markUsed;
    private final TokenService tokenService;
    private final PrincipalDirectory directory;
    private final AttemptLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;

    public ClientAssertionService(PatRepository tokens, ClientKeys clientKeys, AssertionReplayRepository replays,
                                  TokenService tokenService, PrincipalDirectory directory, AttemptLimiter limiter,
                                  AuditLog audit, Clock clock) {
        this.tokens = Require.nonNull(tokens, "tokens");
        this.clientKeys = Require.nonNull(clientKeys, "clientKeys");
        this.markUsed = Require.nonNull(replays, "replays")::markUsed;
        this.tokenService = Require.nonNull(tokenService, "tokenService");
        this.directory = Require.nonNull(directory, "directory");
        this.limiter = Require.nonNull(limiter, "limiter");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
        this.clients = new TtlCache<>(CLIENT_TTL, MAX_CLIENTS, clock);
    }

    /** The parameters of a token request. {@code clientId} may be null (then the assertion's iss names it). */
    public record TokenRequest(String grantType, String assertionType, String assertion, String clientId, String scope) {
    }

    /**
     * @param audiences the token endpoint URLs the assertion's {@code aud} may name: the configured public
     *        URL and the URL of this request
     */
    public IssuedToken exchange(TokenRequest req, Set<String> audiences, RequestMeta meta) {
        checkRequest(req);
        String clientId = req.clientId() != null ? req.clientId() : unverifiedIssuer(req.assertion());
        String addressKey = "assertion:ip:" + meta.sourceIp();
        try {
            limiter.check(addressKey);
            if (clientId == null || clientId.isBlank()) {
                throw invalid("the client is unknown");
            }
            limiter.check(limiterKey(clientId));
            PersonalAccessToken remembered = clients.get(clientId);
            if (remembered == null) {
                return issue(findClient(clientId), req, audiences, meta);
            }
            try {
                return issue(remembered, req, audiences, meta);
            } catch (LatchkeyException refused) {
                // Refused by what this node remembers of the client: ask storage, which has the last word
                // (the client may have a new key since, or be gone). The same client refuses the same way.
                PersonalAccessToken current = findClient(clientId);
                if (current.updatedAt().equals(remembered.updatedAt()) || refused.category() != ErrorCategory.UNAUTHENTICATED) {
                    throw refused;
                }
                return issue(current, req, audiences, meta);
            }
        } catch (LatchkeyException e) {
            if (e.category() == ErrorCategory.UNAUTHENTICATED) {
                if (clientId != null && !clientId.isBlank()) {
                    limiter.recordFailure(limiterKey(clientId), FAILURES_PER_CLIENT);
                }
                // Per address too: an attacker cycling through client ids is still counted.
                limiter.recordFailure(addressKey, FAILURES_PER_ADDRESS);
            }
            boolean throttled = e.category() == ErrorCategory.RATE_LIMITED;
            audit.recordAsync(AuditRecord.builder("auth.client_assertion", throttled ? AuditOutcome.DENIED : AuditOutcome.FAILURE)
                    .meta(meta).actor(PrincipalType.TOKEN.wire(), clientId).reason(e.code().code()));
            throw e;
        }
    }

    private static void checkRequest(TokenRequest req) {
        if (req.grantType() == null || req.grantType().isBlank()) {
            throw LatchkeyException.missingField("grant_type");
        }
        if (!GRANT_TYPE.equals(req.grantType())) {
            throw LatchkeyException.field(ErrorCode.UNSUPPORTED_GRANT_TYPE, "grant_type",
                    "grant_type must be client_credentials");
        }
        if (!ASSERTION_TYPE.equals(req.assertionType())) {
            throw LatchkeyException.invalidField("client_assertion_type", "client_assertion_type must be " + ASSERTION_TYPE);
        }
        if (req.assertion() == null || req.assertion().isBlank()) {
            throw LatchkeyException.missingField("client_assertion");
        }
        if (req.assertion().length() > 16_384) {
            throw LatchkeyException.invalidField("client_assertion", "client_assertion is too long");
        }
    }

    /**
     * Verifies the assertion against {@code pat} and issues. The jti is marked used, across all nodes, in the
     * same commit as the success event, and only while the token is still as {@code pat} shows it; the token
     * signed here is handed out only if the mark was made, so neither a replayed assertion nor one verified
     * against a deleted or re-keyed client gets anything.
     */
    private IssuedToken issue(PersonalAccessToken pat, TokenRequest req, Set<String> audiences, RequestMeta meta) {
        VerifiedJwt jwt = clientKeys.verifySignature(req.assertion(), pat.signingAlgorithm(), pat.publicKeyInfo(),
                pat.id() + "@" + pat.updatedAt().toEpochMilli());
        checkClaims(jwt, pat.id(), audiences);
        String orgId = directory.find(PrincipalType.TOKEN, pat.id()).map(i -> i.orgId()).orElse(null);
        IssuedToken token = tokenService.issue(TokenService.request(TokenUse.PAT, PrincipalType.TOKEN, pat.id())
                .orgId(orgId).scope("openid"));
        ReplayMark mark = new ReplayMark(pat.id(), pat.updatedAt(), sha256(jwt.jti()), jwt.expiresAt());
        boolean marked = audit.durably(WritePlan.of(markUsed, mark), ok -> ok
                ? AuditRecord.builder("auth.client_assertion", AuditOutcome.SUCCESS).meta(meta).org(orgId)
                        .actor(PrincipalType.TOKEN.wire(), pat.id()).target("token", token.jti())
                : null);
        if (!marked) {
            throw LatchkeyException.unauthenticated(ErrorCode.CLIENT_ASSERTION_REPLAYED, "assertion jti was already used");
        }
        return token;
    }

    /**
     * The client read from storage, remembered for {@link #CLIENT_TTL}. A remembered client only saves the
     * read: the replay mark is refused if the client changed since, and a refusal is checked against storage.
     */
    private PersonalAccessToken findClient(String clientId) {
        PersonalAccessToken pat = tokens.findById(clientId).orElseThrow(() -> invalid("the client is unknown"));
        clients.put(clientId, pat);
        return pat;
    }

    private void checkClaims(VerifiedJwt jwt, String clientId, Set<String> audiences) {
        if (!clientId.equals(jwt.issuer()) || !clientId.equals(jwt.subject())) {
            throw invalid("assertion iss and sub must both equal the client id");
        }
        if (jwt.audience().stream().noneMatch(audiences::contains)) {
            throw invalid("assertion audience must be the token endpoint URL");
        }
        Instant now = clock.instant();
        Duration skew = tokenService.settings().clockSkew();
        TokenSettings s = tokenService.settings();
        if (jwt.expiresAt() == null) {
            throw invalid("assertion has no exp");
        }
        if (!now.isBefore(jwt.expiresAt().plus(skew))) {
            throw LatchkeyException.unauthenticated(ErrorCode.CLIENT_ASSERTION_INVALID, "assertion expired "
                    + Duration.between(jwt.expiresAt(), now).toSeconds() + " s ago (allowed skew " + skew.toSeconds() + " s)");
        }
        if (jwt.issuedAt() != null && jwt.issuedAt().isAfter(now.plus(skew))) {
            throw invalid("assertion iat is in the future");
        }
        // RFC 7523 section 3 item 5: an assertion with nbf must not be accepted before that time.
        Object nbf = jwt.claims().get("nbf");
        if (nbf != null && !(nbf instanceof Number)) {
            throw invalid("assertion nbf must be a number");
        }
        if (nbf instanceof Number n && Instant.ofEpochSecond(n.longValue()).isAfter(now.plus(skew))) {
            throw invalid("assertion is not valid yet (nbf is " + Duration.between(now, Instant.ofEpochSecond(n.longValue()))
                    .toSeconds() + " s ahead, allowed skew " + skew.toSeconds() + " s)");
        }
        Instant start = jwt.issuedAt() != null ? jwt.issuedAt() : now;
        if (Duration.between(start, jwt.expiresAt()).compareTo(s.maxAssertionLifetime()) > 0) {
            throw invalid("assertion lifetime exceeds " + s.maxAssertionLifetime().toSeconds() + " s");
        }
        if (jwt.jti() == null || jwt.jti().isBlank()) {
            throw invalid("assertion has no jti");
        }
    }

    private static String limiterKey(String clientId) {
        return "assertion:client:" + clientId;
    }

    /** The iss of an unverified JWT, only to know which client is asking; trusted only after verification. */
    private static String unverifiedIssuer(String assertion) {
        try {
            String[] parts = assertion.split("\\.");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Object v = io.latchkey.core.support.JsonText.parse(payload);
            return v instanceof java.util.Map<?, ?> m && m.get("iss") instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LatchkeyException invalid(String message) {
        return LatchkeyException.unauthenticated(ErrorCode.CLIENT_ASSERTION_INVALID, message);
    }
}
