package io.latchkey.core.user;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditOutcome;
import io.latchkey.core.audit.AuditRecord;
import io.latchkey.core.crypto.PasswordHasher;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.org.OrgAccess;
import io.latchkey.core.org.OrgMembership;
import io.latchkey.core.org.OrgRoles;
import io.latchkey.core.org.OrganizationRepository;
import io.latchkey.core.principal.Actor;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.principal.RequestMeta;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.core.support.Validate;
import io.latchkey.core.tx.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Creates and lists users of an organization. Only an organization administrator (or the instance
 * administrator) may create users; the new user joins the caller's organization.
 *
 * @since 0.1
 */
public final class UserService {
    private final Transactions transactions;
    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final OrgAccess orgAccess;
    private final PasswordHasher passwords;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(Transactions transactions, UserRepository users, OrganizationRepository organizations,
                       OrgAccess orgAccess, PasswordHasher passwords, AuditLog audit, Clock clock) {
        this.transactions = Require.nonNull(transactions, "transactions");
        this.users = Require.nonNull(users, "users");
        this.organizations = Require.nonNull(organizations, "organizations");
        this.orgAccess = Require.nonNull(orgAccess, "orgAccess");
        this.passwords = Require.nonNull(passwords, "passwords");
        this.audit = Require.nonNull(audit, "audit");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Creates a user in the caller's organization with the given organization role (default member). */
    public User create(Actor actor, String email, String password, String displayName, String role, RequestMeta meta) {
        String orgId = orgAccess.requireAdmin(actor, "create users");
        String mail = Validate.email(email, "email");
        String name = Validate.optionalName(displayName, "displayName", 128);
        String orgRole = role == null ? OrgRoles.MEMBER : role;
        if (!OrgRoles.BUILT_IN.contains(orgRole)) {
            throw LatchkeyException.invalidField("role", "role must be one of admin, member, no-access");
        }
        char[] pw = Validate.password(password, "password");
        String hash = passwords.hash(pw);
        Arrays.fill(pw, '\0');
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            User user = new User(Ids.uuid(), mail, name, hash, UserStatus.ACTIVE, false, now, now);
            users.insert(user);
            organizations.insertMembership(new OrgMembership(orgId, PrincipalType.USER, user.id(), orgRole, now, now));
            audit.record(AuditRecord.builder("user.create", AuditOutcome.SUCCESS).actor(actor).meta(meta).org(orgId)
                    .target("user", user.id()).detail("role", orgRole));
            return user;
        });
    }

    public List<User> list(Actor actor, String afterId, int limit) {
        String orgId = orgAccess.requireMember(actor, "list users");
        return users.findByOrg(orgId, afterId, limit);
    }

    public User get(Actor actor, String id) {
        String orgId = orgAccess.requireMember(actor, "read users");
        User u = users.findById(id).orElseThrow(() -> LatchkeyException.notFound("user", id));
        if (organizations.findMembership(orgId, PrincipalType.USER, u.id()).isEmpty()) {
            throw LatchkeyException.notFound("user", id);
        }
        return u;
    }
}
