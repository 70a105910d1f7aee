package io.latchkey.core.token;

/** What a revocation names: one token by its {@code jti}, or every token of a subject issued before it. */
public enum RevocationKind {
    JTI, SUBJECT
}
