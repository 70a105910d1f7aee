package io.latchkey.core.secrets;

/**
 * One {@code {key, value}} pair of a secret's metadata (specs/infisical.md section 4, {@code secretMetadata}).
 * Metadata is descriptive and stored in clear text: do not put secret material in it.
 *
 * @since 0.1
 */
public record SecretMetadata(String key, String value) {
}
