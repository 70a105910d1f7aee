package io.latchkey.core.accesskey;

import io.latchkey.core.error.LatchkeyException;
import io.latchkey.core.support.IpRange;
import io.latchkey.core.support.Validate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Input rules shared by the access-key use cases. Every failure names the field, with {@code [i]} for list
 * elements, and never echoes a value that could be a secret.
 */
final class Inputs {
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_LIST = 100;
    static final int MAX_IDS = 1000;
    /** 9999-12-31T23:59:59Z: later expiry times are refused rather than stored. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private Inputs() {
    }

    static String name(String value, String field) {
        return Validate.name(value, field, MAX_NAME);
    }

    static String description(String value, String field) {
        return Validate.optionalText(value, field, MAX_DESCRIPTION);
    }

    /** An expiry in epoch seconds: null or 0 means never; otherwise in the future. */
    static Instant expiry(Long epochSeconds, Instant now, String field) {
        if (epochSeconds == null || epochSeconds == 0) {
            return null;
        }
        if (epochSeconds < 0 || epochSeconds > MAX_EPOCH_SECOND) {
            throw LatchkeyException.invalidField(field, field + " must be 0 (never) or epoch seconds");
        }
        Instant t = Instant.ofEpochSecond(epochSeconds);
        if (!t.isAfter(now)) {
            throw LatchkeyException.invalidField(field, field + " must be in the future (or 0 for never)");
        }
        return t;
    }

    /** Permitted addresses: each an IP address or CIDR block; returned trimmed, duplicates removed. */
    static List<String> permittedIps(List<String> values, String field) {
        if (values == null) {
            return null;
        }
        if (values.size() > MAX_LIST) {
            throw LatchkeyException.invalidField(field, field + " holds at most " + MAX_LIST + " entries");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String path = field + "[" + i + "]";
            String block = IpRange.parse(values.get(i), path).toString();
            if (!out.contains(block)) {
                out.add(block);
            }
        }
        return out;
    }

    /** True when {@code permitted} is empty or one of its blocks contains {@code address}. */
    static boolean allows(List<String> permitted, String address) {
        if (permitted.isEmpty()) {
            return true;
        }
        for (String block : permitted) {
            if (IpRange.parse(block, "permittedIps").contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Distinct, non-blank names (role names, ids), in the given order. */
    static List<String> names(List<String> values, String field, int max) {
        if (values == null) {
            return null;
        }
        if (values.size() > max) {
            throw LatchkeyException.invalidField(field, field + " holds at most " + max + " entries");
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String path = field + "[" + i + "]";
            if (v == null || v.isBlank()) {
                throw LatchkeyException.missingField(path);
            }
            if (v.length() > 200) {
                throw LatchkeyException.invalidField(path, path + " is too long");
            }
            if (seen.add(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The ids of a batch call: 1 to {@link #MAX_IDS} non-blank ids. */
    static List<String> ids(List<String> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            throw LatchkeyException.missingField(field);
        }
        return names(ids, field, MAX_IDS);
    }

    static String requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw LatchkeyException.missingField(field);
        }
        return id;
    }
}
