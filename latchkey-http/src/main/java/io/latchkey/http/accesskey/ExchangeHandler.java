package io.latchkey.http.accesskey;

import io.javalin.http.Context;
import io.latchkey.core.accesskey.AccessKeyExchangeService;
import io.latchkey.core.accesskey.AccessKeyExchangeService.Session;
import io.latchkey.core.support.Require;
import io.latchkey.http.accesskey.AccessKeyDtos.ExchangeInput;
import io.latchkey.http.accesskey.AccessKeyDtos.ExchangeResponse;
import io.latchkey.http.common.JsonBodies;
import io.latchkey.http.common.Requests;

/**
 * X1, {@code POST /v1/auth/accesskey/exchange} (specs/descope-access-keys.md section 4.3): the Authorization
 * header {@code Bearer <projectId>:<cleartext>[:<authManagementKey>]} is handed to the core unparsed, so that
 * a malformed header is audited and counted like any other failed attempt.
 *
 * @since 0.1
 */
public final class ExchangeHandler {
    private final AccessKeyExchangeService exchange;

    ExchangeHandler(AccessKeyExchangeService exchange) {
        this.exchange = Require.nonNull(exchange, "exchange");
    }

    public void exchange(Context ctx) {
        ExchangeInput in = JsonBodies.readOptional(ctx, ExchangeInput.class, ExchangeInput.NONE);
        Session s = exchange.exchange(Requests.bearerToken(ctx), in.toOptions(), Requests.meta(ctx));
        ctx.json(new ExchangeResponse(s.keyId(), s.jwt(), s.expiresAt().getEpochSecond()));
    }
}
