package io.latchkey.core.auth;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.crypto.PasswordHasher;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.ratelimit.AttemptLimits;
import io.latchkey.core.ratelimit.AttemptPolicy;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenUse;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserRepository;
import io.latchkey.core.user.UserStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Password login for users. Failures are counted per account and per source address and lock out further
 * attempts (shared across nodes); every attempt is audited. An unknown email costs the same Argon2id
 * verification as a wrong password, so response time does not reveal which accounts exist.
 *
 * @since 0.1
 */
public final class LoginService {
    public static final String INVALID_CREDENTIALS = "invalid email or password";
    static final AttemptPolicy PER_ACCOUNT = AttemptLimits.LOGIN_ACCOUNT;
    static final AttemptPolicy PER_ADDRESS = AttemptLimits.LOGIN_ADDRESS;

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final AttemptLimiter limiter;
    private final AuditLog audit;
    /**
     * A hash to verify against when the account does not exist, so that an unknown email costs the same
     * time as a wrong password. Computed in the background: it is one full Argon2id derivation, a fifth
     * of the server's start-up when it ran in the constructor.
     */
    private final CompletableFuture<String> dummyHash;

    public LoginService(UserRepository users, OrganizationRepository organizations, PasswordHasher passwords,
                        TokenService tokens, AttemptLimiter limiter, AuditLog audit) {
        this.users = Require.nonNull(users, "users");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.passwords = Require.nonNull(passwords, "passwords");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.limiter = Require.nonNull(limiter, "limiter");
        this.audit = Require.nonNull(audit, "audit");
        this.dummyHash = CompletableFuture.supplyAsync(() -> passwords.hash("latchkey-timing-equalizer".toCharArray()));
    }

    public IssuedToken login(String email, String password, RequestMeta meta) {
        if (email == null || email.isBlank()) {
            throw LatchkeyException.missingField("email");
        }
        if (password == null || password.isEmpty()) {
            throw LatchkeyException.missingField("password");
        }
        if (password.length() > Validate.MAX_PASSWORD) {
            throw LatchkeyException.invalidField("password", "password is too long");
        }
        String normalized = Validate.normalizeEmail(email);
        String accountKey = "login:user:" + normalized;
        String addressKey = "login:ip:" + meta.sourceIp();
        boolean failuresOnRecord;
        try {
            failuresOnRecord = limiter.check(accountKey);
            limiter.check(addressKey);
        } catch (LatchkeyException locked) {
            audit.recordAsync(AuditRecord.builder("auth.login", AuditOutcome.DENIED).meta(meta)
                    .actor(PrincipalType.USER.wire(), null).detail("email", normalized).reason(locked.code().code()));
            throw locked;
        }
        Optional<User> user = users.findByEmail(normalized);
        char[] pw = password.toCharArray();
        boolean ok;
        try {
            ok = user.isPresent()
                    ? passwords.verify(pw, user.get().passwordHash()) && user.get().status() == UserStatus.ACTIVE
                    : passwords.verify(pw, dummyHash.join()) && false;
        } finally {
            Arrays.fill(pw, '\0');
        }
        if (!ok) {
            limiter.recordFailure(accountKey, PER_ACCOUNT);
            limiter.recordFailure(addressKey, PER_ADDRESS);
            audit.recordAsync(AuditRecord.builder("auth.login", AuditOutcome.FAILURE).meta(meta)
                    .org(user.map(u -> primaryOrg(u.id())).orElse(null))
                    .actor(PrincipalType.USER.wire(), user.map(User::id).orElse(null))
                    .detail("email", normalized).reason(ErrorCode.CREDENTIALS_INVALID.code()));
            throw LatchkeyException.unauthenticated(ErrorCode.CREDENTIALS_INVALID, INVALID_CREDENTIALS);
        }
        User u = user.get();
        if (failuresOnRecord) {
            limiter.recordSuccess(accountKey);
        }
        String orgId = primaryOrg(u.id());
        IssuedToken token = tokens.issue(TokenService.request(TokenUse.USER, PrincipalType.USER, u.id()).orgId(orgId));
        audit.recordAsync(AuditRecord.builder("auth.login", AuditOutcome.SUCCESS).meta(meta).org(orgId)
                .actor(PrincipalType.USER.wire(), u.id()).target("token", token.jti()));
        return token;
    }

    /** Revokes the caller's own token at once, on every node (logout). */
    public void logout(io.latchkey.core.principal.Actor actor, RequestMeta meta) {
        tokens.revoke(actor.token());
        audit.recordAsync(AuditRecord.builder("auth.logout", AuditOutcome.SUCCESS).actor(actor).meta(meta)
                .target("token", actor.token().jti()));
    }

    private String primaryOrg(String userId) {
        List<OrgMembership> memberships = organizations.findMembershipsOf(PrincipalType.USER, userId);
        return memberships.isEmpty() ? null : memberships.get(0).orgId();
    }
}
