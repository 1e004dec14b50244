package studio.timelapse.shared.db;

import java.sql.SQLException;

/** A database operation failed; the message says which and why (SQLite's own words included). */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    public DatabaseException(String message) {
        super(message);
    }

    /** SQLite's result code (5 = SQLITE_BUSY, 13 = SQLITE_FULL, …) when SQLite gave one, else 0. */
    public int sqliteCode() {
        return getCause() instanceof SQLException sql ? sql.getErrorCode() : 0;
    }
}
