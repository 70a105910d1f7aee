package io.latchkey.core.accesskey;

import io.latchkey.core.error.ErrorCode;
import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.JsonValues;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The claim names of an access-key session JWT (specs/descope-access-keys.md section 5) and the rule that
 * protects them: custom claims stored on a key are merged at the top level of the session, so a stored claim
 * named like one the session sets itself would overwrite it ({@code sub}, {@code exp}, {@code roles}...). Such
 * names are refused when a key is created or updated; claims a caller adds at exchange time never reach the
 * top level at all, they are nested under {@link #NSEC}.
 *
 * <p>Reserved names compare ignoring case, so that a verifier that looks claims up case-insensitively cannot
 * be confused either. The list covers the registered JWT claims, every claim the session carries, and claims
 * the vendor's SDKs read with a fixed type ({@code rexp}: the Java SDK reads it as a date and fails on any
 * other value).
 *
 * @since 0.1
 */
public final class SessionClaims {
    public static final String ROLES = "roles";
    public static final String PERMISSIONS = "permissions";
    public static final String TENANTS = "tenants";
    /** Claims the caller supplied at exchange time (untrusted), as an object. */
    public static final String NSEC = "nsec";
    /** The tenant selected at exchange time. */
    public static final String DCT = "dct";
    /** Session marker; always {@link #SESSION_MARKER}. */
    public static final String DRN = "drn";
    public static final String SESSION_MARKER = "DS";

    // INVARIANT: every claim the exchange sets itself is in this set; outsiders rely on it not being forgeable.
    static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", ROLES, PERMISSIONS,
            TENANTS, NSEC, DCT, DRN, "rexp", "token_use", "principal_type", "project_id", "org_id", "scope", "azp",
            "amr", "sid", "typ", "kid", "alg");
    static final int MAX_NAME = 100;

    private SessionClaims() {
    }

    /** True when a stored custom claim may not use {@code name}. */
    public static boolean isReserved(String name) {
        return name != null && RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks custom claims for a key and returns a frozen copy (null stays null).
     *
     * @throws LatchkeyException {@code reserved_claim} naming {@code customClaims.<name>}, or
     *         {@code invalid_field} for an empty or overlong name, a value of another type, or too much JSON
     */
    public static Map<String, Object> checkCustomClaims(Map<String, ?> claims, String field) {
        if (claims == null) {
            return null;
        }
        for (String name : claims.keySet()) {
            String path = field + "." + name;
            if (name == null || name.isBlank() || name.length() > MAX_NAME) {
                throw LatchkeyException.invalidField(field, field + " names must be 1 to " + MAX_NAME + " characters");
            }
            if (isReserved(name)) {
                throw LatchkeyException.field(ErrorCode.RESERVED_CLAIM, path,
                        path + " is a reserved claim of the session JWT and cannot be set");
            }
        }
        return JsonValues.freeze(claims, field);
    }
}
