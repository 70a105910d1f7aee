package io.latchkey.sdk;

import io.latchkey.sdk.internal.ApiCall;
import io.latchkey.sdk.internal.ApiExecutor;
import io.latchkey.sdk.internal.AuthPolicy;
import io.latchkey.sdk.internal.ClientSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Latchkey client: one object per server and set of credentials, immutable and thread-safe, shared by
 * every thread of an application. Resources hang off it ({@link #users()}, {@link #audit()}, ...); each
 * accepts some kinds of credentials and refuses others before any network request
 * ({@link AuthModeException}).
 *
 * <pre>{@code
 * LatchkeyClient client = LatchkeyClient.builder()
 *         .baseUrl("https://latchkey.example.com")
 *         .credentials(Credentials.userLogin("owner@example.com", password))
 *         .build();
 * for (User u : client.users().list()) { ... }
 * }</pre>
 *
 * <p>Every call throws a {@link LatchkeyApiException} subclass when it fails. Idempotent calls are retried
 * on 429 and 503 ({@link RetryPolicy}); nothing else is retried.
 *
 * @since 0.1
 */
public final class LatchkeyClient {
    private final ApiExecutor executor;
    private final AdminApi admin;
    private final AuthApi auth;
    private final UsersApi users;
    private final AuditApi audit;
    private final KeysApi keys;
    private final WellKnownApi wellKnown;
    private final ProjectsApi projects;
    private final PrincipalsApi principals;
    private final PoliciesApi policies;
    private final StsApi sts;
    private final TokensApi tokens;
    private final AuthzApi authz;
    private final IdentitiesApi identities;
    private final UniversalAuthApi universalAuth;
    private final TokenAuthApi tokenAuth;
    private final JwtAuthApi jwtAuth;
    private final OidcAuthApi oidcAuth;
    private final WorkspacesApi workspaces;
    private final SecretsApi secrets;
    private final FoldersApi folders;
    private final KmsApi kms;

    private LatchkeyClient(ClientSettings settings, Credentials credentials) {
        this.executor = new ApiExecutor(settings, credentials);
        this.admin = new AdminApi(executor);
        this.auth = new AuthApi(executor);
        this.users = new UsersApi(executor);
        this.audit = new AuditApi(executor);
        this.keys = new KeysApi(executor);
        this.wellKnown = new WellKnownApi(executor);
        this.projects = new ProjectsApi(executor);
        this.principals = new PrincipalsApi(executor);
        this.policies = new PoliciesApi(executor);
        this.sts = new StsApi(executor);
        this.tokens = new TokensApi(executor);
        this.authz = new AuthzApi(executor);
        this.identities = new IdentitiesApi(executor);
        this.universalAuth = new UniversalAuthApi(executor);
        this.tokenAuth = new TokenAuthApi(executor);
        this.jwtAuth = new JwtAuthApi(executor);
        this.oidcAuth = new OidcAuthApi(executor);
        this.workspaces = new WorkspacesApi(executor);
        this.secrets = new SecretsApi(executor);
        this.folders = new FoldersApi(executor);
        this.kms = new KmsApi(executor);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client for the same server and settings with other credentials (for example after bootstrap). */
    public LatchkeyClient withCredentials(Credentials credentials) {
        return new LatchkeyClient(executor.settings(), Objects.requireNonNull(credentials, "credentials cannot be null"));
    }

    /** Bootstrap (no credentials). */
    public AdminApi admin() {
        return admin;
    }

    /** Login (no credentials). */
    public AuthApi auth() {
        return auth;
    }

    /** Users of the caller's organization (user or identity token). */
    public UsersApi users() {
        return users;
    }

    /** The audit log (user or identity token). */
    public AuditApi audit() {
        return audit;
    }

    /** Signing keys (user or identity token of the instance administrator). */
    public KeysApi keys() {
        return keys;
    }

    /**
     * The access keys of a project, with its management keys, roles, permissions and tenants (user token or
     * personal access token session), the exchange and the session-verifying keys (no credentials).
     *
     * @param projectId {@code P} followed by 27 letters or digits
     */
    public AccessKeysApi accessKeys(String projectId) {
        return new AccessKeysApi(executor, projectId);
    }

    /**
     * The token the client's credentials supply now, obtaining or renewing it when due, for calling your own
     * services with the same identity (for example the session of {@link Credentials#accessKey}). Secret:
     * send it as a bearer token, never log it.
     *
     * @throws AuthModeException    when the client has no credentials
     * @throws LatchkeyApiException when a token cannot be obtained
     */
    public String accessToken() {
        Credentials c = executor.credentials();
        if (c.mode() == AuthMode.NONE) {
            throw new AuthModeException("access tokens", AuthMode.NONE, java.util.EnumSet.complementOf(
                    java.util.EnumSet.of(AuthMode.NONE)));
        }
        return c.accessToken(executor);
    }

    /** Public keys and discovery (no credentials). */
    public WellKnownApi wellKnown() {
        return wellKnown;
    }

    /** Projects (user token or personal access token session). */
    public ProjectsApi projects() {
        return projects;
    }

    /** The members of the project bound to a project-scoped token. */
    public PrincipalsApi principals() {
        return principals;
    }

    /** Principals' policies in the project bound to a project-scoped token. */
    public PoliciesApi policies() {
        return policies;
    }

    /** Project-scoped tokens (user token or personal access token session) and whoami (any token). */
    public StsApi sts() {
        return sts;
    }

    /** Personal access tokens (user token or personal access token session). */
    public TokensApi tokens() {
        return tokens;
    }

    /** The authorization check (user, personal access token, project-scoped or machine identity token). */
    public AuthzApi authz() {
        return authz;
    }

    /** Machine identities of an organization, and identity token renew and revoke (user or identity token). */
    public IdentitiesApi identities() {
        return identities;
    }

    /** Universal auth of identities: configuration and client secrets (user or identity token); login. */
    public UniversalAuthApi universalAuth() {
        return universalAuth;
    }

    /** Token auth of identities (user or identity token). */
    public TokenAuthApi tokenAuth() {
        return tokenAuth;
    }

    /** JWT auth of identities: configuration (user or identity token); login with a JWT (no credentials). */
    public JwtAuthApi jwtAuth() {
        return jwtAuth;
    }

    /** OIDC auth of identities: configuration (user or identity token); login with an ID token (no credentials). */
    public OidcAuthApi oidcAuth() {
        return oidcAuth;
    }

    /** Projects and environments as the secrets dialect serves them (user or identity token). */
    public WorkspacesApi workspaces() {
        return workspaces;
    }

    /** Secrets (identity, user, personal-access-token or project-scoped token). */
    public SecretsApi secrets() {
        return secrets;
    }

    /** Folders of secrets (as {@link #secrets()}). */
    public FoldersApi folders() {
        return folders;
    }

    /** KMS keys (as {@link #secrets()}). */
    public KmsApi kms() {
        return kms;
    }

    /** {@code GET /healthz}: answers while the server process runs. */
    public HealthStatus health() {
        return executor.execute(ApiCall.get("/healthz", HealthStatus.class, AuthPolicy.none()));
    }

    /**
     * {@code GET /readyz}: whether the server can serve, and why not. A server that is not ready is an
     * answer ({@link Readiness#ready()} false), not an error, and is not retried.
     */
    public Readiness ready() {
        return executor.execute(ApiCall.get("/readyz", Readiness.class, AuthPolicy.none()).accepting(503));
    }

    /** The server this client calls. */
    public URI baseUrl() {
        return executor.settings().baseUrl();
    }

    /** The kind of credentials this client holds. */
    public AuthMode authMode() {
        return executor.credentials().mode();
    }

    /** The client's clock. */
    public Clock clock() {
        return executor.settings().clock();
    }

    /**
     * Builds a {@link LatchkeyClient}. Only {@link #baseUrl(String)} is required.
     *
     * @since 0.1
     */
    public static final class Builder {
        /** Message when a remote server is given without TLS; outsiders match on it. */
        public static final String PLAIN_HTTP_REFUSED = "refusing to send credentials over plain http:// to a host other"
                + " than this machine; use https://, or call allowPlainHttp() if the network is trusted (insecure)";
        private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "connection", "content-length",
                "expect", "upgrade", "content-type", "x-request-id");

        private URI baseUrl;
        private Credentials credentials = Credentials.none();
        private Duration timeout = Duration.ofSeconds(30);
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpTransport transport;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean allowPlainHttp;

        private Builder() {
        }

        /** The server's base URL, e.g. {@code https://latchkey.example.com} (a trailing slash is ignored). */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl cannot be null");
            try {
                return baseUrl(URI.create(baseUrl.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
            }
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl cannot be null");
            return this;
        }

        /** How the client authenticates; {@link Credentials#none()} by default. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
            return this;
        }

        /** How long one attempt may take, connection included; 30 seconds by default. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout cannot be null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** A header sent with every request. Authorization comes from {@link #credentials} only. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name cannot be null");
            Objects.requireNonNull(value, "value cannot be null");
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the client"
                        + (name.equalsIgnoreCase("authorization") ? "; use credentials(...)" : ""));
            }
            headers.put(name, value);
            return this;
        }

        /** The HTTP transport; {@link HttpTransport#jdk(Duration)} by default. Tests pass a fake. */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport cannot be null");
            return this;
        }

        /** The clock that decides when tokens are renewed; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock cannot be null");
            return this;
        }

        /** When to retry; {@link RetryPolicy#defaults()} by default. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy cannot be null");
            return this;
        }

        /**
         * Allows {@code http://} to hosts other than this machine. Warning: tokens and passwords then cross
         * the network in clear text; use it only on a network you trust, or behind a TLS-terminating proxy
         * on this machine.
         */
        public Builder allowPlainHttp() {
            this.allowPlainHttp = true;
            return this;
        }

        /**
         * @throws IllegalStateException when the base URL is missing, not http(s), carries a query, or is
         *                               plain http to another machine without {@link #allowPlainHttp()}
         */
        public LatchkeyClient build() {
            URI url = validatedBaseUrl();
            HttpTransport t = transport != null ? transport : HttpTransport.jdk(timeout);
            return new LatchkeyClient(new ClientSettings(url, t, timeout, headers, clock, retryPolicy), credentials);
        }

        private URI validatedBaseUrl() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl cannot be null: set the server's URL, e.g. http://127.0.0.1:8400");
            }
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
                throw new IllegalStateException("baseUrl must be an http:// or https:// URL with a host, got " + baseUrl);
            }
            if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
                throw new IllegalStateException("baseUrl must not carry a query, fragment or user info");
            }
            if (scheme.equals("http") && !allowPlainHttp && !loopback(baseUrl.getHost())) {
                throw new IllegalStateException(PLAIN_HTTP_REFUSED);
            }
            String s = baseUrl.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return URI.create(s);
        }

        private static boolean loopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
        }
    }
}
