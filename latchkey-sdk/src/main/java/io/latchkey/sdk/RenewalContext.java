package io.latchkey.sdk;

import java.time.Clock;

/**
 * What a {@link RenewingCredentials} may use to obtain a token: the client's clock and unauthenticated
 * calls to the client's server. Renewal calls are never retried and never carry credentials.
 *
 * @since 0.1
 */
public interface RenewalContext {

    /** The client's clock (injected in tests). */
    Clock clock();

    /**
     * POSTs a JSON body to a path of the client's server without credentials and reads the response.
     *
     * @throws LatchkeyApiException the typed error of the call
     */
    <T> T postJson(String path, Object body, Class<T> responseType);

    /** The client's server (its base URL, without a trailing slash). */
    java.net.URI baseUrl();

    /**
     * POSTs form fields ({@code application/x-www-form-urlencoded}) to a path of the client's server
     * without credentials, e.g. to the OAuth2 token endpoint.
     *
     * @throws LatchkeyApiException the typed error of the call
     */
    <T> T postForm(String path, java.util.Map<String, String> fields, Class<T> responseType);

    /**
     * POSTs a JSON body with {@code Authorization: Bearer <bearerToken>} instead of the client's credentials
     * (for exchanges that authenticate with a secret of their own, such as an access key), and reads the
     * response. The bearer token is never logged.
     *
     * @throws LatchkeyApiException the typed error of the call
     */
    <T> T postJson(String path, Object body, String bearerToken, Class<T> responseType);
}
