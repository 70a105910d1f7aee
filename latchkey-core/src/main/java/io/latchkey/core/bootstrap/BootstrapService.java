package io.latchkey.core.bootstrap;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.crypto.PasswordHasher;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.identity.IdentityAccessToken;
import io.latchkey.core.identity.IdentityRepository;
import io.latchkey.core.identity.MachineIdentity;
import io.latchkey.core.identity.TokenAuthConfig;
import io.latchkey.core.instance.InstanceRepository;
import io.latchkey.core.instance.InstanceState;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrgRoles;
import io.latchkey.core.org.Organization;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenUse;
import io.latchkey.core.tx.Transactions;
import io.latchkey.core.user.User;
import io.latchkey.core.user.UserRepository;
import io.latchkey.core.user.UserStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Initialises an empty instance: the first organization, its owner (a super-admin user) and an
 * instance-admin machine identity with token auth and one non-expiring token (specs/infisical.md 3.3).
 * Everything happens in one transaction, and the bootstrap marker is written first, so two concurrent
 * bootstraps cannot both succeed.
 *
 * @since 0.1
 */
public final class BootstrapService {
    public static final String ALREADY_SET_UP = "Instance has already been set up";
    static final String ADMIN_IDENTITY_NAME = "instance-admin";

    private final Transactions transactions;
    private final InstanceRepository instance;
    private final InstanceState state;
    private final OrganizationRepository organizations;
    private final UserRepository users;
    private final IdentityRepository identities;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;

    public BootstrapService(Transactions transactions, InstanceRepository instance, InstanceState state,
                            OrganizationRepository organizations, UserRepository users, IdentityRepository identities,
                            PasswordHasher passwords, TokenService tokens, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.instance = Require.nonNull(instance, "instance");
        this.state = Require.nonNull(state, "state");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.users = Require.nonNull(users, "users");
        this.identities = Require.nonNull(identities, "identities");
        this.passwords = Require.nonNull(passwords, "passwords");
        this.tokens = Require.nonNull(tokens, "tokens");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    public BootstrapResult bootstrap(String email, String password, String organization, RequestMeta meta) {
        String mail = Validate.email(email, "email");
        String orgName = Validate.name(organization, "organization", 64);
        if (state.isBootstrapped()) {
            audit.recordAsync(AuditRecord.builder("instance.bootstrap", AuditOutcome.FAILURE).meta(meta)
                    .reason(ErrorCode.ALREADY_BOOTSTRAPPED.code()));
            throw LatchkeyException.of(ErrorCode.ALREADY_BOOTSTRAPPED, ALREADY_SET_UP);
        }
        char[] pw = Validate.password(password, "password");
        // Hash outside the transaction: Argon2id takes tens of milliseconds and holds no locks.
        String hash = passwords.hash(pw);
        java.util.Arrays.fill(pw, '\0');
        BootstrapResult result = transactions.inTransaction(() -> {
            instance.lock("bootstrap");
            Instant now = clock.instant();
            if (!instance.putIfAbsent(InstanceState.KEY_BOOTSTRAPPED_AT, now.toString())) {
                throw LatchkeyException.of(ErrorCode.ALREADY_BOOTSTRAPPED, ALREADY_SET_UP);
            }
            Organization org = new Organization(Ids.uuid(), orgName, Validate.slugify(orgName, 48), now, now);
            organizations.insert(org);
            User user = new User(Ids.uuid(), mail, null, hash, UserStatus.ACTIVE, true, now, now);
            users.insert(user);
            organizations.insertMembership(new OrgMembership(org.id(), PrincipalType.USER, user.id(), OrgRoles.ADMIN, now, now));
            MachineIdentity identity = new MachineIdentity(Ids.uuid(), org.id(), ADMIN_IDENTITY_NAME, true, Map.of(), now, now);
            identities.insert(identity);
            organizations.insertMembership(new OrgMembership(org.id(), PrincipalType.IDENTITY, identity.id(), OrgRoles.ADMIN, now, now));
            identities.insertTokenAuth(new TokenAuthConfig(identity.id(), 0, 0, 0, List.of(), now, now));
            String tokenId = Ids.uuid();
            identities.insertAccessToken(new IdentityAccessToken(tokenId, identity.id(), "token-auth", "bootstrap",
                    0, 0, 0, 0, false, List.of(), now, now, null, null));
            IssuedToken token = tokens.issue(TokenService.request(TokenUse.IDENTITY, PrincipalType.IDENTITY, identity.id())
                    .orgId(org.id()).jti(tokenId).ttl(Duration.ZERO));
            audit.record(AuditRecord.builder("instance.bootstrap", AuditOutcome.SUCCESS).meta(meta)
                    .org(org.id()).actor(PrincipalType.USER.wire(), user.id())
                    .target("organization", org.id())
                    .detail("adminIdentityId", identity.id()));
            return new BootstrapResult(user, org, identity, token);
        });
        state.markBootstrapped();
        return result;
    }
}
