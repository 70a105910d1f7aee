package io.latchkey.core.identity.auth;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.error.ErrorCategory;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;
import io.latchkey.core.support.Require;


/**
 * The one pipeline of every machine-identity login ({@code POST /api/v1/auth/<method>/login}): throttle by
 * source address, let the method prove who logs in ({@link IdentityAuthMethod}), issue the token, audit the
 * outcome.
 *
 * <p>Throttling: failed logins are counted per source address in the shared attempt counters (every node
 * sees the same count); after {@link #PER_ADDRESS} failures further logins from that address are answered
 * 429 with {@code Retry-After} until the lockout ends. This is separate from universal auth's per-client-id
 * lockout, which the spec answers with 401. The threshold is high enough that the vendor's SDK, which
 * retries 429 with sleeps of several seconds, only meets it under attack.
 *
 * <p>Audit: every attempt, success or failure, is an {@code identity.login} event with the method, the
 * subject the request named (client id or identity id, never a secret) and the source address.
 *
 * @since 0.1
 */
public final class IdentityLoginService {
    /** Longest subject kept in an audit event: a request may name anything there. */
    static final int MAX_SUBJECT = 128;
    static final AttemptPolicy PER_ADDRESS = AttemptLimits.IDENTITY_LOGIN_ADDRESS;

    private final IdentityAuthMethods methods;
    private final IdentityTokens tokens;
    private final AttemptLimiter limiter;
    private final AuditLog audit;

    public IdentityLoginService(IdentityAuthMethods methods, IdentityTokens tokens, AttemptLimiter limiter, AuditLog audit) {
        this.methods = Require.nonNull(methods, "methods");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.limiter = Require.nonNull(limiter, "limiter");
        this.audit = Require.nonNull(audit, "audit");
    }

    public IdentityAuthMethods methods() {
        return methods;
    }

    /** Logs in with {@code method}; returns the new token (a credential: never log it). */
    public IdentityTokens.Issued login(String method, LoginCredentials credentials, RequestMeta meta) {
        IdentityAuthMethod m = methods.require(method);
        String addressKey = "identity-login:ip:" + meta.sourceIp();
        String subject = m.subjectOf(credentials);
        try {
            limiter.check(addressKey);
        } catch (LatchkeyException throttled) {
            audit.recordAsync(event(method, subject, AuditOutcome.DENIED, meta).reason(throttled.code().code()));
            throw throttled;
        }
        try {
            LoginGrant grant = m.authenticate(credentials, meta);
            IdentityTokens.Prepared prepared = tokens.prepare(grant.identity(), method, grant.tokens(), null,
                    grant.metadata(), grant.clientSecretId());
            // The method's last check (a client secret's use count), the session row and the success event
            // share the audit writer's group commit: one commit for many concurrent logins.
            return audit.durably(grant.onIssue().then(ignored -> tokens.storing(prepared)), issued -> event(method, subject, AuditOutcome.SUCCESS, meta).org(grant.identity().orgId())
                    .actor(PrincipalType.IDENTITY.wire(), grant.identity().id())
                    .target("identity_access_token", issued.session().id()));
        } catch (LatchkeyException e) {
            if (e.category() == ErrorCategory.UNAUTHENTICATED) {
                limiter.recordFailure(addressKey, PER_ADDRESS);
                AuditRecord.Builder failure = event(method, subject, AuditOutcome.FAILURE, meta).reason(e.code().code());
                m.claimedIdentity(credentials).ifPresent(i -> failure.org(i.orgId())
                        .actor(PrincipalType.IDENTITY.wire(), i.id()));
                audit.recordAsync(failure);
            }
            throw e;
        }
    }

    private static AuditRecord.Builder event(String method, String subject, AuditOutcome outcome, RequestMeta meta) {
        String shown = subject == null || subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
        return AuditRecord.builder("identity.login", outcome).meta(meta).actor(PrincipalType.IDENTITY.wire(), null)
                .detail("authMethod", method).detail("subject", shown);
    }
}
