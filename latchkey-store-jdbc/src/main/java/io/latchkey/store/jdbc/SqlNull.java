package io.latchkey.store.jdbc;

import java.sql.Types;

/** A typed SQL NULL for statement parameters (PostgreSQL wants the type of a null parameter). */
public enum SqlNull {
    VARCHAR(Types.VARCHAR), BIGINT(Types.BIGINT), INTEGER(Types.INTEGER), BOOLEAN(Types.BOOLEAN),
    TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE), BINARY(Types.BINARY);

    final int sqlType;

    SqlNull(int sqlType) {
        this.sqlType = sqlType;
    }
}
