package io.latchkey.store.jdbc;

/**
 * A storage failure that is not the caller's fault. Carries the SQL state for diagnosis; the message never
 * contains bound parameter values.
 *
 * @since 0.1
 */
public class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    public DataAccessException(String message, java.sql.SQLException cause) {
        super(message + " (SQLState " + cause.getSQLState() + ": " + cause.getMessage() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    /** SQLState 23505: a unique constraint rejected the row (same code in H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState);
    }

    /** SQLState class 23 other than 23505: a foreign key, not-null or check constraint. */
    public boolean isConstraintViolation() {
        return sqlState != null && sqlState.startsWith("23");
    }
}
