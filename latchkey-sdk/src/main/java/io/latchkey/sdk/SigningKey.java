package io.latchkey.sdk;

import java.time.Instant;

/**
 * Public metadata of one signing key of the ring (never key material).
 *
 * @param status        {@code next} (published, not yet signing), {@code active} or {@code retired}
 * @param publishUntil  when a retired key leaves the JWKS, or null
 * @since 0.1
 */
public record SigningKey(String kid, String algorithm, String status, Instant createdAt, Instant activatedAt,
                         Instant retiredAt, Instant publishUntil) {
}
