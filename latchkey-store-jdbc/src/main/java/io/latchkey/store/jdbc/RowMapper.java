package io.latchkey.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a result set to one object. One implementation per aggregate. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
}
