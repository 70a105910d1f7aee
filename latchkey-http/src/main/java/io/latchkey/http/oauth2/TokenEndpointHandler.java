package io.latchkey.http.oauth2;

import io.javalin.http.Context;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.pat.ClientAssertionService;
import io.latchkey.core.support.Require;
import io.latchkey.core.token.IssuedToken;
import io.latchkey.http.common.HttpMetrics;
import io.latchkey.http.common.RequestBodies;
import io.latchkey.http.common.Requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /auth/oauth2/token}: the client-credentials grant with a private-key JWT client assertion
 * (RFC 6749 section 4.4, RFC 7523), form-encoded. Success answers RFC 6749 section 5.1 with
 * {@code Cache-Control: no-store}; failures answer section 5.2.
 *
 * <p>The assertion's audience must be this endpoint's URL: the configured public URL, or the URL of this
 * very request (scheme, Host header, path), so local and test deployments work without configuration.
 *
 * @since 0.1
 */
public final class TokenEndpointHandler {
    public static final String PATH = "/auth/oauth2/token";

    private final ClientAssertionService assertions;
    private final HttpMetrics metrics;
    private final String configuredUrl;

    public TokenEndpointHandler(ClientAssertionService assertions, HttpMetrics metrics, String publicUrl) {
        this.assertions = Require.nonNull(assertions, "assertions");
        this.metrics = Require.nonNull(metrics, "metrics");
        this.configuredUrl = Require.nonBlank(publicUrl, "publicUrl") + PATH;
    }

    public void token(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            throw LatchkeyException.invalidField("Content-Type", "the token endpoint takes application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = RequestBodies.form(ctx);
        ClientAssertionService.TokenRequest req = new ClientAssertionService.TokenRequest(single(form, "grant_type"),
                single(form, "client_assertion_type"), single(form, "client_assertion"), single(form, "client_id"),
                single(form, "scope"));
        String requestUrl = ctx.scheme() + "://" + ctx.host() + ctx.path();
        IssuedToken t = assertions.exchange(req, new java.util.HashSet<>(List.of(configuredUrl, requestUrl)), Requests.meta(ctx));
        metrics.tokenIssued("pat");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", t.value());
        body.put("token_type", "bearer");
        body.put("expires_in", t.expiresInSeconds());
        body.put("scope", "openid");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
        ctx.json(body);
    }

    /** RFC 6749 section 3.2: request parameters must not be included more than once. */
    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw LatchkeyException.invalidField(name, name + " must not be repeated");
        }
        return values.get(0).isEmpty() ? null : values.get(0);
    }
}
