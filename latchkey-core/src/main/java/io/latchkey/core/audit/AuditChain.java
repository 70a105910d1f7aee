package io.latchkey.core.audit;

import io.latchkey.core.support.JsonText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over audit events. Each event's hash covers the previous event's hash and every field of
 * the event in a fixed, length-prefixed encoding, so changing, reordering or deleting a stored row breaks
 * the chain at that row.
 *
 * @since 0.1
 */
public final class AuditChain {
    /** The {@code prevHash} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, String id, AuditRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, prevHash);
        field(out, Long.toString(seq));
        field(out, id);
        field(out, Long.toString(r.occurredAt().toEpochMilli()));
        field(out, r.orgId());
        field(out, r.projectId());
        field(out, r.actorType());
        field(out, r.actorId());
        field(out, r.action());
        field(out, r.targetType());
        field(out, r.targetId());
        field(out, r.outcome().wire());
        field(out, r.reason());
        field(out, r.sourceIp());
        field(out, r.requestId());
        field(out, JsonText.write(r.details()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0xFF);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        out.write((n >>> 24) & 0xFF);
        out.write((n >>> 16) & 0xFF);
        out.write((n >>> 8) & 0xFF);
        out.write(n & 0xFF);
        out.write(b, 0, n);
    }
}
