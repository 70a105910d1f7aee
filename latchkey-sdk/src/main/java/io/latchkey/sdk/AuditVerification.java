package io.latchkey.sdk;

/**
 * Result of recomputing the audit hash chain.
 *
 * @param valid          whether every event is intact and in place
 * @param eventsChecked  how many events were checked
 * @param firstBrokenSeq the first altered, missing or reordered event, or null when valid
 * @param problem        what is wrong with it, or null when valid
 * @since 0.1
 */
public record AuditVerification(boolean valid, long eventsChecked, Long firstBrokenSeq, String problem) {
}
