package io.latchkey.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JsonMapper;
import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.Ids;
import io.latchkey.core.support.Require;
import io.latchkey.http.accesskey.AccessKeyErrorRenderer;
import io.latchkey.http.common.Auth;
import io.latchkey.http.common.Dialect;
import io.latchkey.http.common.ErrorRenderer;
import io.latchkey.http.common.Json;
import io.latchkey.http.common.Requests;
import io.latchkey.http.common.RouteGroup;
import io.latchkey.http.iam.AuditHandler;
import io.latchkey.http.iam.IamErrorRenderer;
import io.latchkey.http.iam.KeyAdminHandler;
import io.latchkey.http.iam.LoginHandler;
import io.latchkey.http.iam.UserHandler;
import io.latchkey.http.iam.WellKnownHandler;
import io.latchkey.http.oauth2.OAuth2ErrorRenderer;
import io.latchkey.http.ops.OpsHandler;
import io.latchkey.http.secrets.BootstrapHandler;
import io.latchkey.http.secrets.SecretsErrorRenderer;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.lang.reflect.Type;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the Javalin application from settings and core services, in one place: request ids and client
 * addresses first, then the bootstrap gate, the routes of every dialect, and one exception mapper that
 * renders errors in the shape of the dialect the path belongs to.
 *
 * <p>Error rule: a {@link LatchkeyException} renders as its code says; a Javalin
 * {@link HttpResponseException} (no such route, body too large) is converted to the matching code; any
 * other exception is a 500 in the dialect's shape, logged with the request id and never shown to the
 * caller.
 *
 * @since 0.1
 */
public final class LatchkeyHttpApp {
    private static final Logger LOG = LoggerFactory.getLogger(LatchkeyHttpApp.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("latchkey.access");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String STARTED_NANOS = "latchkey.startedNanos";
    /** Bytes Javalin copies a response body in: one chunk holds a token response or a small list. */
    private static final int RESPONSE_COPY_CHUNK = 4096;
    /** Paths served before bootstrap: operations, public keys, discovery, and bootstrap itself. */
    private static final Set<String> OPEN_BEFORE_BOOTSTRAP_PREFIXES = Set.of(
            "/healthz", "/readyz", "/metrics", "/.well-known/", "/iam/.well-known/", "/api/v1/admin/bootstrap", "/v2/keys/");

    private final HttpSettings settings;
    private final HttpServices services;
    private final Map<Dialect, ErrorRenderer> renderers = new EnumMap<>(Dialect.class);
    private final String publicUrl;

    private final java.util.List<java.util.function.Function<String, RouteGroup>> groups = new java.util.ArrayList<>();

    public LatchkeyHttpApp(HttpSettings settings, HttpServices services) {
        this.settings = Require.nonNull(settings, "settings");
        this.services = Require.nonNull(services, "services");
        this.publicUrl = settings.publicUrl() != null ? settings.publicUrl()
                : "http://" + settings.host() + ":" + settings.port();
        renderers.put(Dialect.IAM, new IamErrorRenderer());
        renderers.put(Dialect.OAUTH2, new OAuth2ErrorRenderer());
        renderers.put(Dialect.ACCESS_KEY, new AccessKeyErrorRenderer());
        renderers.put(Dialect.SECRETS, new SecretsErrorRenderer());
    }

    /**
     * Adds a dialect's routes; the factory receives the public base URL. Call before {@link #create()}.
     */
    public LatchkeyHttpApp with(java.util.function.Function<String, RouteGroup> group) {
        groups.add(Require.nonNull(group, "group"));
        return this;
    }

    /** The base URL clients use: the configured public URL, or one derived from host and port. */
    public String publicUrl() {
        return publicUrl;
    }

    /** Creates (does not start) the Javalin instance. */
    public Javalin create() {
        return Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.maxRequestSize = settings.maxRequestBytes(); // RequestBodies, which reads every body, reads it here
        // Javalin copies each response body into Jetty's output through a fresh array of this size, which
        // defaults to Jetty's output buffer (32 KiB): 32 KiB allocated and zeroed per request, most of the
        // token flows' allocation and so of their young collections. Jetty still aggregates the chunks in
        // its own (pooled) buffer, so what goes on the wire is unchanged.
        config.http.responseBufferSize = RESPONSE_COPY_CHUNK;
        config.http.defaultContentType = "application/json";
        config.router.ignoreTrailingSlashes = true;
        config.jsonMapper(new JacksonMapper());
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(30_000); // drain in-flight requests (Argon2id logins are slow by design)
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new io.latchkey.http.common.ProtocolErrorHandler()); // JSON, not Jetty's HTML page
        });
        config.requestLogger.http(this::logRequest);
        config.routes.exception(LatchkeyException.class, (e, ctx) -> renderError(ctx, e));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> renderError(ctx, fromJavalin(e)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error in {} {} (request {})", ctx.method(), ctx.path(), Requests.requestId(ctx), e);
            renderError(ctx, LatchkeyException.of(ErrorCode.INTERNAL_ERROR, "internal error"));
        });
        config.routes.before(this::beforeEach);
        config.routes.beforeMatched(this::bootstrapGate);
        config.routes.after(this::afterEach);
        routes(config);
    }

    private void routes(JavalinConfig config) {
        Auth auth = new Auth(services.authenticator());
        OpsHandler ops = new OpsHandler(services);
        WellKnownHandler wellKnown = new WellKnownHandler(services, publicUrl);
        BootstrapHandler bootstrap = new BootstrapHandler(services);
        LoginHandler login = new LoginHandler(services);
        UserHandler users = new UserHandler(services, auth);
        AuditHandler audit = new AuditHandler(services, auth);
        KeyAdminHandler keys = new KeyAdminHandler(services, auth);

        var r = config.routes;
        r.get("/healthz", ops::health);
        r.get("/readyz", ops::ready);
        r.get("/metrics", ops::metrics);
        r.get("/.well-known/jwks.json", wellKnown::jwks);
        r.get("/.well-known/openid-configuration", wellKnown::discovery);
        r.get("/iam/.well-known/jwks.json", wellKnown::jwks);
        r.get("/iam/.well-known/did.json", wellKnown::didDocument);

        r.post("/api/v1/admin/bootstrap", bootstrap::bootstrap);

        r.post("/iam/v1/login", login::login);
        r.post("/iam/v1/logout", login::logout);
        r.post("/iam/v1/users", users::create);
        r.get("/iam/v1/users", users::list);
        r.get("/iam/v1/users/{userId}", users::get);
        r.get("/iam/v1/audit", audit::list);
        r.get("/iam/v1/audit/verify", audit::verify);
        r.get("/iam/v1/admin/keys", keys::list);
        r.post("/iam/v1/admin/keys/rotate", keys::rotate);
        for (var g : groups) {
            g.apply(publicUrl).register(r);
        }
    }

    private void beforeEach(Context ctx) {
        ctx.attribute(STARTED_NANOS, System.nanoTime());
        String incoming = ctx.header("X-Request-Id");
        String id = incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches() ? incoming : Ids.nonSecretUuid();
        ctx.attribute(Requests.REQUEST_ID, id);
        ctx.attribute(Requests.CLIENT_IP, clientIp(ctx));
        ctx.header("X-Request-Id", id);
        MDC.put("requestId", id);
    }

    private void bootstrapGate(Context ctx) {
        if (!services.instance().isBootstrapped() && !openBeforeBootstrap(ctx.path())) {
            throw LatchkeyException.of(ErrorCode.NOT_BOOTSTRAPPED,
                    "this instance is not initialised yet: POST /api/v1/admin/bootstrap or run ./latchkey bootstrap");
        }
    }

    private void afterEach(Context ctx) {
        Long started = ctx.attribute(STARTED_NANOS);
        if (started != null) {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            String route = matched != null ? matched.path : "unmatched";
            services.metrics().requestCompleted(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
        }
    }

    private void logRequest(Context ctx, Float ms) {
        // INVARIANT: the access log names the path without its query string and never a header value.
        ACCESS.info("{} {} {} {}ms ip={} id={}", ctx.method(), ctx.path(), ctx.statusCode(),
                tenths(ms), Requests.clientIp(ctx), Requests.requestId(ctx));
        MDC.remove("requestId");
    }

    /** {@code ms} with one decimal ("12.3"); String.format cost more than the rest of the log line. */
    static String tenths(Float ms) {
        if (ms == null || !Float.isFinite(ms) || ms < 0) {
            return "-";
        }
        long t = Math.round(ms * 10.0);
        return (t / 10) + "." + (t % 10);
    }

    private static boolean openBeforeBootstrap(String path) {
        for (String p : OPEN_BEFORE_BOOTSTRAP_PREFIXES) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private String clientIp(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        if (!settings.trustedProxies().isEmpty() && settings.trustedProxies().contains(remote)) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                String[] hops = xff.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        return remote;
    }

    private void renderError(Context ctx, LatchkeyException e) {
        if (e.category() == io.latchkey.core.error.ErrorCategory.INTERNAL) {
            LOG.warn("request {} failed: {}", Requests.requestId(ctx), e.getMessage());
        } else {
            LOG.debug("request {} rejected: {} {}", Requests.requestId(ctx), e.code().code(), e.getMessage());
        }
        renderers.get(Dialect.ofPath(ctx.path())).render(ctx, e, Requests.requestId(ctx));
    }

    private static LatchkeyException fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> LatchkeyException.of(ErrorCode.NO_SUCH_ENDPOINT, "no such endpoint");
            case 405 -> LatchkeyException.of(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this endpoint");
            case 413 -> LatchkeyException.of(ErrorCode.BODY_TOO_LARGE, "the request body is larger than this server accepts");
            case 400 -> LatchkeyException.of(ErrorCode.INVALID_REQUEST, "bad request");
            default -> LatchkeyException.of(ErrorCode.INTERNAL_ERROR, "internal error");
        };
    }

    /** Javalin's JSON mapper backed by {@link Json#mapper()}. */
    private static final class JacksonMapper implements JsonMapper {
        @Override
        public String toJsonString(Object obj, Type type) {
            try {
                return Json.mapper().writeValueAsString(obj);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("response serialisation failed", e);
            }
        }
    }
}
