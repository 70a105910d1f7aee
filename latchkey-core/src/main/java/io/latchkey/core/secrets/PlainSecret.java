package io.latchkey.core.secrets;

import java.util.List;

/**
 * A secret opened for one response: the stored secret, where it lives, and its value as the caller may see
 * it (expanded, or masked with {@link #MASK}). Built per request and never stored or logged.
 *
 * @param environment the environment's slug
 * @param value the value to return; {@link #MASK} when hidden
 * @param valueHidden true when the value was withheld (not asked for, or no {@code secrets:Read})
 * @param referenceProblems references that could not be expanded, empty when none
 * @since 0.1
 */
public record PlainSecret(Secret secret, String environment, String value, boolean valueHidden, String comment,
                          List<SecretReferences.Problem> referenceProblems) {
    /** The fixed mask of withheld values (specs/infisical.md section 4). Outsiders match on it: never change it. */
    public static final String MASK = "<hidden-by-infisical>";

    public PlainSecret {
        referenceProblems = referenceProblems == null ? List.of() : List.copyOf(referenceProblems);
    }

    @Override
    public String toString() {
        return "PlainSecret[" + secret + ", environment=" + environment + ", value=***]";
    }
}
