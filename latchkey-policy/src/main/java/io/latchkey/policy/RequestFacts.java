package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.EvaluationError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What conditions read from one request, resolved lazily and at most once, plus the errors met so far.
 * Created per evaluation, and only when some candidate statement has conditions. Not thread-safe; never shared.
 *
 * <p>A source address that is absent or unreadable (not an address literal, a zone id, brackets) is the same
 * thing to a condition: no usable value, reported as {@link EvaluationError.MissingContext} on
 * {@code lk:SourceIp}. Nothing here resolves host names.
 */
final class RequestFacts {
    private final AuthzRequest request;
    private IpAddressBits sourceAddress;
    private boolean sourceAddressRead;
    private List<EvaluationError> errors;
    private CompiledStatement firstUnknown;

    RequestFacts(AuthzRequest request) {
        this.request = request;
    }

    Instant time() {
        return request.time();
    }

    /** The parsed source address, or null when the request has none that can be read. */
    IpAddressBits sourceAddress() {
        if (!sourceAddressRead) {
            sourceAddressRead = true;
            String text = request.sourceIp();
            IpAddressBits bits = new IpAddressBits();
            if (text != null && bits.parse(text)) {
                sourceAddress = bits;
            }
        }
        return sourceAddress;
    }

    /** Records a statement that evaluated to UNKNOWN, with the reasons. */
    void recordUnknown(CompiledStatement statement) {
        if (firstUnknown == null) {
            firstUnknown = statement;
            errors = new ArrayList<>(2);
        }
        statement.explainUnknown(this, errors);
    }

    boolean hasErrors() {
        return firstUnknown != null;
    }

    /** The first statement recorded by {@link #recordUnknown}, or null. */
    CompiledStatement firstUnknown() {
        return firstUnknown;
    }

    List<EvaluationError> errors() {
        return errors == null ? List.of() : errors;
    }
}
