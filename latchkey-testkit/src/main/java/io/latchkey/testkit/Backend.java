package io.latchkey.testkit;

import java.util.Locale;

/**
 * Storage backends tests run on. The build runs the integration suite once per backend; the system
 * property {@code latchkey.test.backend} ({@code h2} or {@code postgres}) selects one.
 *
 * @since 0.1
 */
public enum Backend {
    H2, POSTGRES;

    public static Backend current() {
        String v = System.getProperty("latchkey.test.backend", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "h2" -> H2;
            case "postgres", "postgresql", "pg" -> POSTGRES;
            default -> throw new IllegalStateException("latchkey.test.backend must be h2 or postgres, got " + v);
        };
    }

    /** The PostgreSQL server tests use; CI points it at 127.0.0.1:5432, database test, user postgres. */
    public static String postgresUrl() {
        return System.getProperty("latchkey.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }
}
