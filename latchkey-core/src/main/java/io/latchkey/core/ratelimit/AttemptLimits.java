package io.latchkey.core.ratelimit;

import io.latchkey.core.support.Require;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lockout policies of every credential-checking endpoint, by name: the built-in defaults, some of which
 * the operator replaced. Frozen at start-up.
 *
 * <p>The names, what each counts and its default (failures / window / lockout):
 * <ul>
 *   <li>{@code login-account}: password logins per email, 5 / 15 min / 15 min</li>
 *   <li>{@code login-address}: password logins per source address, 20 / 15 min / 15 min</li>
 *   <li>{@code token-client}: OAuth2 token endpoint per client id (PAT), 20 / 5 min / 5 min</li>
 *   <li>{@code token-address}: OAuth2 token endpoint per source address, 50 / 5 min / 5 min</li>
 *   <li>{@code identity-login-address}: machine-identity logins per source address, 50 / 5 min / 5 min</li>
 *   <li>{@code access-key}: access-key exchanges per key id, 20 / 5 min / 5 min</li>
 *   <li>{@code access-key-address}: access-key exchanges per source address, 50 / 5 min / 5 min</li>
 *   <li>{@code management-key-address}: management-key calls per source address, 50 / 5 min / 5 min</li>
 * </ul>
 * Universal auth's per-client-id lockout is configured per identity (the vendor's {@code lockout*} members).
 *
 * @since 0.1
 */
public final class AttemptLimits {
    public static final AttemptPolicy LOGIN_ACCOUNT = AttemptPolicy.named("login-account", 5, minutes(15), minutes(15));
    public static final AttemptPolicy LOGIN_ADDRESS = AttemptPolicy.named("login-address", 20, minutes(15), minutes(15));
    public static final AttemptPolicy TOKEN_CLIENT = AttemptPolicy.named("token-client", 20, minutes(5), minutes(5));
    public static final AttemptPolicy TOKEN_ADDRESS = AttemptPolicy.named("token-address", 50, minutes(5), minutes(5));
    public static final AttemptPolicy IDENTITY_LOGIN_ADDRESS =
            AttemptPolicy.named("identity-login-address", 50, minutes(5), minutes(5));
    public static final AttemptPolicy ACCESS_KEY = AttemptPolicy.named("access-key", 20, minutes(5), minutes(5));
    public static final AttemptPolicy ACCESS_KEY_ADDRESS =
            AttemptPolicy.named("access-key-address", 50, minutes(5), minutes(5));
    public static final AttemptPolicy MANAGEMENT_KEY_ADDRESS =
            AttemptPolicy.named("management-key-address", 50, minutes(5), minutes(5));

    /** Every built-in policy, in the order the configuration documents them. */
    public static final List<AttemptPolicy> DEFAULTS = List.of(LOGIN_ACCOUNT, LOGIN_ADDRESS, TOKEN_CLIENT, TOKEN_ADDRESS,
            IDENTITY_LOGIN_ADDRESS, ACCESS_KEY, ACCESS_KEY_ADDRESS, MANAGEMENT_KEY_ADDRESS);

    private final Map<String, AttemptPolicy> byName;

    private AttemptLimits(Map<String, AttemptPolicy> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The built-in defaults. */
    public static AttemptLimits defaults() {
        return new AttemptLimits(Map.of());
    }

    /**
     * The defaults with some replaced.
     *
     * @throws IllegalStateException when a name is not one of {@link #DEFAULTS}
     */
    public static AttemptLimits of(Map<String, AttemptPolicy> overrides) {
        Require.nonNull(overrides, "overrides");
        Map<String, AttemptPolicy> out = new LinkedHashMap<>();
        overrides.forEach((name, p) -> {
            if (DEFAULTS.stream().noneMatch(d -> d.name().equals(name))) {
                throw new IllegalStateException("unknown lockout policy '" + name + "'");
            }
            out.put(name, new AttemptPolicy(name, p.maxFailures(), p.window(), p.lockout()));
        });
        return new AttemptLimits(out);
    }

    /** The effective policy for {@code policy}: the operator's replacement of a named default, else itself. */
    public AttemptPolicy resolve(AttemptPolicy policy) {
        if (policy.name() == null) {
            return policy;
        }
        return byName.getOrDefault(policy.name(), policy);
    }

    private static java.time.Duration minutes(long n) {
        return java.time.Duration.ofMinutes(n);
    }
}
