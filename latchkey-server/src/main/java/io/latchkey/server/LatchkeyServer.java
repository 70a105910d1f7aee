package io.latchkey.server;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.latchkey.core.accesskey.AccessKeyExchangeService;
import io.latchkey.core.accesskey.AccessKeyService;
import io.latchkey.core.accesskey.ManagementKeyService;
import io.latchkey.core.accesskey.RoleService;
import io.latchkey.core.accesskey.TenantService;
import io.latchkey.core.audit.AuditLog;
import io.latchkey.core.audit.AuditService;
import io.latchkey.core.auth.Authenticator;
import io.latchkey.core.auth.LoginService;
import io.latchkey.core.auth.PrincipalDirectory;
import io.latchkey.core.bootstrap.BootstrapService;
import io.latchkey.core.crypto.KeyedHasher;
import io.latchkey.core.crypto.RootKey;
import io.latchkey.core.instance.InstanceState;
import io.latchkey.core.keys.KeyRing;
import io.latchkey.core.org.OrgAccess;
import io.latchkey.core.ratelimit.AttemptLimiter;
import io.latchkey.core.token.RevocationList;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.token.TokenSettings;
import io.latchkey.core.user.UserService;
import io.latchkey.core.auth.PrincipalInfo;
import io.latchkey.core.authz.AccessControl;
import io.latchkey.core.authz.AuthzCheckService;
import io.latchkey.core.authz.StsService;
import io.latchkey.core.pat.ClientAssertionService;
import io.latchkey.core.pat.PatService;
import io.latchkey.core.principal.PrincipalType;
import io.latchkey.core.project.MemberService;
import io.latchkey.core.project.Project;
import io.latchkey.core.project.ProjectService;
import io.latchkey.http.accesskey.AccessKeyRoutes;
import io.latchkey.http.accesskey.AccessKeyServices;
import io.latchkey.core.identity.IdentityTokenValidator;
import io.latchkey.http.iam.IamRoutes;
import io.latchkey.http.iam.OrganizationAdminRoutes;
import io.latchkey.http.secrets.SecretsAuthRoutes;
import io.latchkey.http.secrets.SecretsAuthServices;
import io.latchkey.http.iam.IamServices;
import io.latchkey.http.secrets.SecretsDataRoutes;
import io.latchkey.jose.CryptoProvider;
import io.latchkey.jose.NimbusClientKeys;
import io.latchkey.jose.RemoteJwks;
import io.latchkey.policy.DefaultPolicyEngine;
import io.latchkey.store.jdbc.JdbcAccessKeyRepository;
import io.latchkey.store.jdbc.JdbcAssertionReplayRepository;
import io.latchkey.store.jdbc.JdbcManagementKeyRepository;
import io.latchkey.store.jdbc.JdbcPermissionRepository;
import io.latchkey.store.jdbc.JdbcTenantRepository;
import io.latchkey.store.jdbc.JdbcPatRepository;
import io.latchkey.store.jdbc.JdbcProjectRepository;
import io.latchkey.http.HttpServices;
import io.latchkey.http.HttpSettings;
import io.latchkey.http.LatchkeyHttpApp;
import io.latchkey.jose.Argon2idPasswordHasher;
import io.latchkey.jose.Jwks;
import io.latchkey.jose.NimbusTokenCodec;
import io.latchkey.store.jdbc.Dialect;
import io.latchkey.store.jdbc.JdbcAttemptCounterRepository;
import io.latchkey.store.jdbc.JdbcAuditRepository;
import io.latchkey.store.jdbc.JdbcDatabase;
import io.latchkey.store.jdbc.JdbcIdentityRepository;
import io.latchkey.store.jdbc.JdbcInstanceRepository;
import io.latchkey.store.jdbc.JdbcOrganizationRepository;
import io.latchkey.store.jdbc.JdbcRevocationRepository;
import io.latchkey.store.jdbc.JdbcSigningKeyRepository;
import io.latchkey.store.jdbc.JdbcStores;
import io.latchkey.store.jdbc.JdbcUserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wires every module into a running server: storage, keys, core services, HTTP. The only class that sees
 * all modules. {@link #start} returns a handle whose {@link #close} shuts down gracefully: in-flight
 * requests finish, queued audit events are written, the pool closes.
 *
 * @since 0.1
 */
public final class LatchkeyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LatchkeyServer.class);

    private final Javalin app;
    private final HikariDataSource dataSource;
    private final ScheduledExecutorService scheduler;
    private final AuditLog audit;
    private final MicrometerMetrics metrics;
    private final String baseUrl;

    private LatchkeyServer(Javalin app, HikariDataSource dataSource, ScheduledExecutorService scheduler, AuditLog audit,
                           MicrometerMetrics metrics, String baseUrl) {
        this.app = app;
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.audit = audit;
        this.metrics = metrics;
        this.baseUrl = baseUrl;
    }

    /** Starts a server from configuration. Misconfiguration fails with {@link IllegalStateException}. */
    public static LatchkeyServer start(ServerConfig config) {
        // Millisecond ticks: what both storage backends keep, so a value read back equals the one written.
        return start(config, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
    }

    public static LatchkeyServer start(ServerConfig config, Clock clock) {
        long t0 = System.nanoTime();
        LOG.info("effective configuration: {}", config.describe());
        Path dataDir = Path.of(config.get(ConfigKey.DATA_DIR)).toAbsolutePath().normalize();
        String dbUrl = config.get(ConfigKey.DB_URL) != null ? config.get(ConfigKey.DB_URL)
                : "jdbc:h2:file:" + dataDir.resolve("latchkey");
        RootKey rootKey = RootKeyFile.load(config.get(ConfigKey.ROOT_KEY), dataDir);

        HikariDataSource ds = JdbcStores.pool(dbUrl, config.get(ConfigKey.DB_USER), config.get(ConfigKey.DB_PASSWORD),
                config.getInt(ConfigKey.DB_POOL_SIZE), "latchkey");
        MicrometerMetrics metrics = new MicrometerMetrics();
        ScheduledExecutorService scheduler = null;
        AuditLog audit = null;
        try {
            ds.setMetricRegistry(metrics.registry());
            JdbcStores.migrate(ds);
            JdbcDatabase db = new JdbcDatabase(ds, Dialect.fromUrl(dbUrl));

            var instanceRepo = new JdbcInstanceRepository(db);
            var orgs = new JdbcOrganizationRepository(db);
            var users = new JdbcUserRepository(db);
            var identities = new JdbcIdentityRepository(db);
            InstanceState instance = new InstanceState(instanceRepo);
            instance.checkRootKey(rootKey);

            int port = config.getInt(ConfigKey.PORT);
            if (port == 0) {
                // Pick the port now so that the issuer and the token endpoint URL name the real one.
                port = freePort(config.get(ConfigKey.HOST));
            }
            String host = config.get(ConfigKey.HOST);
            String configuredUrl = config.get(ConfigKey.PUBLIC_URL);
            TokenSettings tokenSettings = TokenSettings.builder()
                    .issuer(configuredUrl != null ? configuredUrl : "http://" + host + ":" + port)
                    .userTokenTtl(config.getDuration(ConfigKey.USER_TOKEN_TTL))
                    .patTokenTtl(config.getDuration(ConfigKey.PAT_TOKEN_TTL))
                    .projectTokenTtl(config.getDuration(ConfigKey.PROJECT_TOKEN_TTL))
                    .accessKeySessionTtl(config.getDuration(ConfigKey.ACCESS_KEY_SESSION_TTL))
                    .clockSkew(config.getDuration(ConfigKey.CLOCK_SKEW))
                    .maxAssertionLifetime(config.getDuration(ConfigKey.MAX_ASSERTION_LIFETIME))
                    .build();

            // H2's commit is CPU in this process, so batches linger to share it; PostgreSQL's is a wait for its
            // disk, during which the next batch gathers by itself (AuditLog#linger, docs/PERFORMANCE.md round 9).
            audit = new AuditLog(new JdbcAuditRepository(db), db, clock,
                    Dialect.fromUrl(dbUrl) == Dialect.H2 ? AuditLog.LINGER : Duration.ZERO);
            audit.start();
            KeyRing keyRing = new KeyRing(new JdbcSigningKeyRepository(db), instanceRepo, db, rootKey, tokenSettings, audit, clock);
            keyRing.initialize();
            CryptoProvider cryptoProvider = CryptoProvider.parse(config.get(ConfigKey.CRYPTO_PROVIDER));
            java.security.Provider signatures = cryptoProvider.newProvider();
            LOG.info("JWT signatures by {} ({})", signatures == null ? "the JDK's provider" : signatures.getName(),
                    cryptoProvider == CryptoProvider.AUTO ? "crypto-provider auto" : "crypto-provider " + cryptoProvider.key());
            NimbusTokenCodec codec = new NimbusTokenCodec(keyRing::snapshot, clock, tokenSettings.clockSkew(), signatures);
            RevocationList revocations = new RevocationList(new JdbcRevocationRepository(db), clock);
            revocations.refresh();
            TokenService tokens = new TokenService(codec, codec, revocations, tokenSettings, clock);
            Argon2idPasswordHasher passwords = new Argon2idPasswordHasher(config.getInt(ConfigKey.ARGON2_MEMORY_KIB),
                    config.getInt(ConfigKey.ARGON2_ITERATIONS), 1);
            OrgAccess orgAccess = new OrgAccess(orgs);
            PrincipalDirectory directory = new PrincipalDirectory(users, identities, orgs, clock);
            AttemptLimiter limiter = new AttemptLimiter(new JdbcAttemptCounterRepository(db), config.attemptLimits(), clock);
            AuditLog auditLog = audit;
            var projects = new JdbcProjectRepository(db);
            var pats = new JdbcPatRepository(db);
            directory.register(PrincipalType.TOKEN, id -> pats.findById(id).map(t -> new PrincipalInfo(PrincipalType.TOKEN,
                    t.id(), orgs.findMembershipsOf(PrincipalType.USER, t.ownerUserId()).stream().findFirst()
                            .map(m -> m.orgId()).orElse(null), true, false)));
            var accessKeyRepo = new JdbcAccessKeyRepository(db);
            directory.register(PrincipalType.ACCESS_KEY, id -> accessKeyRepo.findUnscoped(id).map(k -> new PrincipalInfo(
                    PrincipalType.ACCESS_KEY, k.id(), projects.findById(k.projectId()).map(Project::orgId).orElse(null),
                    k.isActive() && !k.isExpiredAt(clock.instant()), false)));
            AccessControl access = new AccessControl(projects, orgs, directory, new DefaultPolicyEngine(), auditLog, clock);
            NimbusClientKeys clientKeys = new NimbusClientKeys(new RemoteJwks(clock), signatures);
            var replays = new JdbcAssertionReplayRepository(db);
            ProjectService projectService = new ProjectService(db, projects, orgs, access, tokens, rootKey, auditLog, clock);
            MemberService memberService = new MemberService(db, projects, access, (project, type, id) -> principalExists(
                    project, type, id, users, pats, identities, orgs, accessKeyRepo), auditLog, clock);
            IamServices iam = new IamServices(projectService, memberService,
                    new PatService(db, pats, projects, clientKeys, tokens, auditLog, clock),
                    new StsService(access, tokens, auditLog),
                    new ClientAssertionService(pats, clientKeys, replays, tokens, directory, limiter, auditLog, clock),
                    new AuthzCheckService(projectService, access, auditLog));
            SecretsDataModule secretsData = SecretsDataModule.create(db, rootKey, projects, iam.projects(), access, auditLog, clock);

            // Machine-identity tokens' use limits and trusted addresses are checked on every request.
            Authenticator authenticator = new Authenticator(tokens, directory, new IdentityTokenValidator(identities));
            SecretsAuthServices secretsAuth = SecretsAuthWiring.services(new SecretsAuthWiring.Shared(db, orgs, users,
                    identities, projects, tokens, revocations, directory, access, limiter, projectService, memberService,
                    rootKey, auditLog, clock));
            HttpServices services = new HttpServices(clock, instance, () -> readiness(db, instance),
                    new BootstrapService(db, instanceRepo, instance, orgs, users, identities, passwords, tokens, auditLog, clock),
                    new LoginService(users, orgs, passwords, tokens, limiter, auditLog),
                    new UserService(db, users, orgs, orgAccess, passwords, auditLog, clock),
                    authenticator, tokens, keyRing, new Jwks(),
                    new AuditService(new JdbcAuditRepository(db), auditLog, orgAccess), metrics);
            AccessKeyServices accessKeys = accessKeyServices(db, accessKeyRepo, projects, orgs, access, directory, codec,
                    tokenSettings, limiter, KeyedHasher.fromRootKey(rootKey), auditLog, iam.projects(), clock);
            HttpSettings httpSettings = HttpSettings.builder().host(host).port(port).publicUrl(configuredUrl)
                    .maxRequestBytes(Long.parseLong(config.get(ConfigKey.MAX_REQUEST_BYTES)))
                    .trustedProxies(splitList(config.get(ConfigKey.TRUSTED_PROXIES))).build();
            Javalin app = new LatchkeyHttpApp(httpSettings, services)
                    .with(url -> new IamRoutes(services, iam, url))
                    .with(url -> new AccessKeyRoutes(services, accessKeys))
                    .with(url -> new SecretsAuthRoutes(secretsAuth, authenticator))
                    .with(url -> new OrganizationAdminRoutes(secretsAuth.organizations(), authenticator))
                    .with(url -> new SecretsDataRoutes(services, secretsData.services()))
                    .create().start();

            scheduler = Executors.newScheduledThreadPool(1, r -> {
                Thread t = new Thread(r, "latchkey-refresh");
                t.setDaemon(true);
                return t;
            });
            schedule(scheduler, revocations::refresh, Duration.ofMillis(250));
            schedule(scheduler, keyRing::refresh, Duration.ofSeconds(1));
            schedule(scheduler, () -> revocations.purge(tokenSettings.clockSkew()), Duration.ofMinutes(10));
            schedule(scheduler, () -> replays.purgeExpired(clock.instant().minus(tokenSettings.clockSkew())),
                    Duration.ofMinutes(1));
            schedule(scheduler, secretsData::deliverWebhooks, SecretsDataModule.WEBHOOK_POLL);

            String baseUrl = "http://" + host + ":" + app.port();
            LOG.info("Latchkey listening on {} (storage: {}, ready in {} ms)", baseUrl,
                    db.dialect() == Dialect.H2 ? "H2 in " + dataDir : "PostgreSQL",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            if (!instance.isBootstrapped()) {
                LOG.info("this instance is not initialised: run ./latchkey bootstrap or POST {}/api/v1/admin/bootstrap", baseUrl);
            }
            return new LatchkeyServer(app, ds, scheduler, audit, metrics, baseUrl);
        } catch (RuntimeException | Error e) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            if (audit != null) {
                audit.close();
            }
            ds.close();
            metrics.close();
            throw e;
        }
    }

    /** The access-key dialect's services (specs/descope-access-keys.md), sharing storage, keys and limits. */
    private static AccessKeyServices accessKeyServices(JdbcDatabase db, JdbcAccessKeyRepository accessKeyRepo,
                                                       JdbcProjectRepository projects, JdbcOrganizationRepository orgs,
                                                       AccessControl access, PrincipalDirectory directory,
                                                       NimbusTokenCodec codec, TokenSettings tokenSettings,
                                                       AttemptLimiter limiter, KeyedHasher hasher, AuditLog audit,
                                                       ProjectService projectService, Clock clock) {
        var tenantRepo = new JdbcTenantRepository(db);
        return new AccessKeyServices(
                new AccessKeyService(db, accessKeyRepo, tenantRepo, projects, orgs, access, directory, hasher, audit, clock),
                new AccessKeyExchangeService(accessKeyRepo, projects, codec, tokenSettings, hasher, directory, limiter,
                        audit, clock),
                new ManagementKeyService(db, new JdbcManagementKeyRepository(db), projects, access, hasher, limiter,
                        audit, clock),
                new TenantService(db, tenantRepo, access, audit, clock),
                new RoleService(db, projects, new JdbcPermissionRepository(db), accessKeyRepo, access, audit, clock),
                projectService);
    }

    private static List<String> readiness(JdbcDatabase db, InstanceState instance) {
        List<String> problems = new ArrayList<>();
        try {
            db.query("SELECT 1", rs -> rs.getInt(1));
        } catch (RuntimeException e) {
            problems.add("database unreachable");
            return problems;
        }
        if (!instance.isBootstrapped()) {
            problems.add("instance not bootstrapped: POST /api/v1/admin/bootstrap or run ./latchkey bootstrap");
        }
        return problems;
    }

    private static boolean principalExists(Project project, PrincipalType type, String id, JdbcUserRepository users,
                                           JdbcPatRepository pats, JdbcIdentityRepository identities,
                                           JdbcOrganizationRepository orgs, JdbcAccessKeyRepository accessKeys) {
        return switch (type) {
            case USER -> users.findById(id).isPresent()
                    && orgs.findMembership(project.orgId(), PrincipalType.USER, id).isPresent();
            // A personal access token joins projects of its owner's organization only: another organization's
            // token id answers "not found" like an id that names nothing (issue 9, isolation matrix).
            case TOKEN -> pats.findById(id)
                    .filter(t -> orgs.findMembership(project.orgId(), PrincipalType.USER, t.ownerUserId()).isPresent())
                    .isPresent();
            case IDENTITY -> identities.findById(id).filter(i -> i.orgId().equals(project.orgId())).isPresent();
            case ACCESS_KEY -> accessKeys.findById(project.id(), id).isPresent();
            case MANAGEMENT_KEY -> false;
        };
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot find a free port on " + host + ": " + e.getMessage());
        }
    }

    private static void schedule(ScheduledExecutorService s, Runnable task, Duration every) {
        s.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("background refresh failed: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<String> splitList(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int port() {
        return app.port();
    }

    /**
     * Every HTTP route the running application serves, as {@code "METHOD /path/{param}"} in registration
     * order; tests use it to prove that each route has an entry in the isolation and bad-input suites.
     */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod()) // not the before/after filters
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }

    /** {@code http://<host>:<port>} as bound. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        LOG.info("shutting down: finishing in-flight requests");
        app.stop();
        scheduler.shutdownNow();
        audit.close();
        dataSource.close();
        metrics.close();
        LOG.info("stopped");
    }
}
