package io.latchkey.core.audit;

import java.util.List;

/** One page of audit events; {@code nextBeforeSeq} is null on the last page. */
public record AuditPage(List<AuditEvent> events, Long nextBeforeSeq) {
}
