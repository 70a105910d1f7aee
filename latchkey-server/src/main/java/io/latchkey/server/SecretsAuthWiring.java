package io.latchkey.server;

import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.identity.AuthMethodNames;
import io.latchkey.core.identity.ExternalJwtAuthService;
import io.latchkey.core.identity.IdentityAccess;
import io.latchkey.core.identity.IdentityLookups;
import io.latchkey.core.identity.IdentityService;
import io.latchkey.core.identity.IdentityTokens;
import io.latchkey.core.identity.TokenAuthService;
import io.latchkey.core.identity.UniversalAuthService;
import io.latchkey.core.identity.auth.ExternalJwtAuthMethod;
import io.latchkey.core.identity.auth.IdentityAuthMethods;
import io.latchkey.core.identity.auth.IdentityLoginService;
import io.latchkey.core.identity.auth.UniversalAuthMethod;
import io.latchkey.core.org.OrgPermissions;
import io.latchkey.core.org.OrganizationService;
import io.latchkey.core.project.EnvironmentService;
import io.latchkey.core.project.MemberService;
import io.latchkey.core.project.ProjectService;
import io.latchkey.core.project.WorkspaceService;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.token.RevocationList;
import io.latchkey.core.token.TokenService;
import io.latchkey.http.secrets.SecretsAuthServices;
import io.latchkey.jose.NimbusExternalJwtVerifier;
import io.latchkey.jose.RemoteJwks;
import io.latchkey.store.jdbc.JdbcDatabase;
import io.latchkey.store.jdbc.JdbcIdentityAuthRepository;
import io.latchkey.store.jdbc.JdbcIdentityRepository;
import io.latchkey.store.jdbc.JdbcOrgRoleRepository;
import io.latchkey.store.jdbc.JdbcOrganizationRepository;
import io.latchkey.store.jdbc.JdbcProjectRepository;
import io.latchkey.store.jdbc.JdbcUserRepository;

import java.time.Clock;
import java.util.List;

/**
 * Wires the secrets dialect's organizations, machine identities, their auth methods and projects
 * ({@link SecretsAuthServices}). The login methods are registered here, in one list: adding a method is one
 * implementation of {@link io.latchkey.core.identity.auth.IdentityAuthMethod} and one line below.
 *
 * @since 0.1
 */
final class SecretsAuthWiring {
    private SecretsAuthWiring() {
    }

    /** The shared collaborators the wiring takes from {@link LatchkeyServer}. */
    record Shared(JdbcDatabase db, JdbcOrganizationRepository orgs, JdbcUserRepository users,
                  JdbcIdentityRepository identities, JdbcProjectRepository projects, TokenService tokens,
                  RevocationList revocations, PrincipalDirectory directory, AccessControl access, AttemptLimiter limiter,
                  ProjectService projectService, MemberService memberService, RootKey rootKey, AuditLog audit,
                  Clock clock) {
    }

    static SecretsAuthServices services(Shared s) {
        JdbcIdentityAuthRepository configs = new JdbcIdentityAuthRepository(s.db());
        KeyedHasher hasher = KeyedHasher.fromRootKey(s.rootKey());
        IdentityLookups lookups = new IdentityLookups(configs, s.identities(), s.clock());
        JdbcOrgRoleRepository roles = new JdbcOrgRoleRepository(s.db());
        OrgPermissions permissions = new OrgPermissions(s.orgs(), roles);
        IdentityAccess identityAccess = new IdentityAccess(s.identities(), permissions);
        IdentityTokens identityTokens = new IdentityTokens(s.db(), s.identities(), s.tokens(), s.revocations(), s.audit(),
                s.clock());
        NimbusExternalJwtVerifier verifier = new NimbusExternalJwtVerifier(new RemoteJwks(s.clock()), s.clock(),
                s.tokens().settings().clockSkew());
        IdentityAuthMethods methods = new IdentityAuthMethods(List.of(
                new UniversalAuthMethod(configs, lookups, hasher, s.limiter(), s.clock()),
                new ExternalJwtAuthMethod(AuthMethodNames.JWT_AUTH, configs, s.identities(), verifier),
                new ExternalJwtAuthMethod(AuthMethodNames.OIDC_AUTH, configs, s.identities(), verifier)));
        return new SecretsAuthServices(
                new OrganizationService(s.db(), s.orgs(), roles, permissions, s.users(),
                        s.identities(), identityTokens, s.projects(), s.access(), s.tokens(), s.audit(), s.clock()),
                new IdentityService(s.db(), s.identities(), s.orgs(), s.projects(), identityAccess, s.tokens(), s.access(),
                        s.directory(), lookups, s.audit(), s.clock()),
                new UniversalAuthService(s.db(), configs, lookups, identityAccess, identityTokens, hasher, s.audit(), s.clock()),
                new TokenAuthService(s.db(), s.identities(), identityAccess, identityTokens, s.audit(), s.clock()),
                new ExternalJwtAuthService(s.db(), configs, identityAccess, identityTokens, verifier, s.audit(), s.clock()),
                new IdentityLoginService(methods, identityTokens, s.limiter(), s.audit()),
                identityTokens, s.projectService(),
                new WorkspaceService(s.db(), s.projects(), s.projectService(), s.memberService(), permissions, s.identities(),
                        s.users(), s.access(), s.clock()),
                new EnvironmentService(s.db(), s.projects(), s.projectService(), s.access(), s.audit(), s.clock()));
    }
}
