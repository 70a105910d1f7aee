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
}
