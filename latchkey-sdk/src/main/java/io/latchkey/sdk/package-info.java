/**
 * The Latchkey Java SDK: {@link io.latchkey.sdk.LatchkeyClient} with its resources, self-renewing
 * {@link io.latchkey.sdk.Credentials}, typed errors under {@link io.latchkey.sdk.LatchkeyApiException},
 * and {@link io.latchkey.sdk.TokenVerifier} for services that accept Latchkey tokens. Types in
 * {@code io.latchkey.sdk.internal} are implementation details and may change in any release.
 *
 * @since 0.1
 */
package io.latchkey.sdk;
