package io.latchkey.core.policy;

import java.util.List;

/**
 * A policy: a versioned list of statements. The IAM dialect attaches one document per principal per
 * project; roles carry documents too.
 *
 * @param id a stable identifier used in decisions (for example {@code principal:<type>:<id>} or
 *        {@code role:<name>})
 * @param version the document format version as written ({@code 2022-12-15} for the IAM dialect)
 * @since 0.1
 */
public record PolicyDocument(String id, String version, String name, String description,
                             List<PolicyStatement> statements) {
    public PolicyDocument {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
