package io.latchkey.core.audit;

/**
 * An audit record in its place in the chain: {@code hash = SHA-256(prevHash || canonical(seq, id, record))}.
 *
 * @since 0.1
 */
public record AuditEvent(long seq, String id, AuditRecord record, String prevHash, String hash) {
}
