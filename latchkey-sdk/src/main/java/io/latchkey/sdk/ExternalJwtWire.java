package io.latchkey.sdk;

import java.util.Arrays;
import java.util.List;

/** The wire's comma-joined lists (bound audiences, bound claim values), as the server splits them. */
final class ExternalJwtWire {
    private ExternalJwtWire() {
    }

    static List<String> commaList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
