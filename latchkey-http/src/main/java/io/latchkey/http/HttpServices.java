package io.latchkey.http;

import io.latchkey.core.audit.AuditService;
import io.latchkey.core.auth.Authenticator;
import io.latchkey.core.auth.LoginService;
import io.latchkey.core.bootstrap.BootstrapService;
import io.latchkey.core.instance.InstanceState;
import io.latchkey.core.keys.JwkSetPublisher;
import io.latchkey.core.keys.KeyRing;
import io.latchkey.core.token.TokenService;
import io.latchkey.core.user.UserService;
import io.latchkey.http.common.HttpMetrics;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The core services the HTTP layer adapts. Built by the server's wiring; handlers only ever call these.
 *
 * @param readinessProblems reasons the instance cannot serve yet (empty when ready)
 * @since 0.1
 */
public record HttpServices(Clock clock, InstanceState instance, Supplier<List<String>> readinessProblems,
                           BootstrapService bootstrap, LoginService login, UserService users,
                           Authenticator authenticator, TokenService tokens, KeyRing keyRing,
                           JwkSetPublisher jwks, AuditService audit, HttpMetrics metrics) {
}
