package io.latchkey.core.audit;

/**
 * The result of checking the audit chain.
 *
 * @param valid true when every event's hash matches and the head points at the last event
 * @param eventsChecked how many events were read
 * @param firstBrokenSeq the sequence number of the first event that fails, or null
 * @param problem what failed, for the operator
 * @since 0.1
 */
public record AuditVerification(boolean valid, long eventsChecked, Long firstBrokenSeq, String problem) {
}
