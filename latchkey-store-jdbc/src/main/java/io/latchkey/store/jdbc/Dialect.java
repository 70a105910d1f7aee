package io.latchkey.store.jdbc;

import java.util.Locale;

/** The two supported backends. SQL is written to run unchanged on both; H2 runs in PostgreSQL mode. */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect fromUrl(String jdbcUrl) {
        String u = jdbcUrl.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("unsupported database URL (use jdbc:h2: or jdbc:postgresql:)");
    }
}
