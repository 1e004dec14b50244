package studio.timelapse.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * One SQLite database file, shared safely by threads and by processes: WAL journal, a busy timeout so that writers
 * queue instead of failing, foreign keys on, and {@code BEGIN IMMEDIATE} for every transaction that writes, so that
 * a read-then-write never fails half way with SQLITE_BUSY.
 *
 * <p>Commits are {@code synchronous=NORMAL} (durable across a process crash, not a power cut);
 * {@link #writeDurably} commits with {@code synchronous=FULL} for the commits after which something irreversible
 * happens (an acknowledgement to a camera, a lock handed to another process).
 */
public final class SqliteDatabase implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 15_000;
    private static final int IDLE_CONNECTIONS = 4;

    private final Path file;
    private final String url;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    private SqliteDatabase(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Opens (creating if needed) the database file and its folder. */
    public static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create the folder of " + file + ": " + e.getMessage());
        }
        SqliteDatabase database = new SqliteDatabase(file);
        database.write(connection -> {
            return null;
        });
        return database;
    }

    public Path file() {
        return file;
    }

    /** The JDBC URL, for tools that open their own connections (Flyway, jOOQ). */
    public String url() {
        return url;
    }

    /**
     * Applies {@code owner}'s Flyway migrations from {@code classpath:<location>}, with a schema history table of
     * its own ({@code flyway_history_<owner>}) so that several owners (the shared library, the studio, the agent)
     * migrate one database independently.
     */
    public void migrate(String owner, String location) {
        if (!owner.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("an owner is lower-case letters, digits and _: " + owner);
        }
        Flyway.configure(SqliteDatabase.class.getClassLoader())
                .dataSource(url, null, null)
                .locations("classpath:" + location)
                .table("flyway_history_" + owner)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .mixed(true)
                .load()
                .migrate();
    }

    /** Runs {@code work} in a read transaction (it sees one consistent snapshot). */
    public <T> T read(SqlWork<T> work) {
        return transaction("BEGIN DEFERRED", false, work);
    }

    /** Runs {@code work} in a write transaction, taken up front ({@code BEGIN IMMEDIATE}). */
    public <T> T write(SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", false, work);
    }

    /** As {@link #write}, with a commit that survives a power cut ({@code synchronous=FULL}). */
    public <T> T writeDurably(SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", true, work);
    }

    private <T> T transaction(String begin, boolean durable, SqlWork<T> work) {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            if (durable) {
                execute(connection, "PRAGMA synchronous=FULL");
            }
            execute(connection, begin);
            T result;
            try {
                result = work.run(connection);
                execute(connection, "COMMIT");
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
            healthy = true;
            return result;
        } catch (SQLException e) {
            healthy = !connectionBroken(e);
            throw new DatabaseException("transaction on " + file.getFileName() + " failed", e);
        } finally {
            if (durable && healthy) {
                try {
                    execute(connection, "PRAGMA synchronous=NORMAL");
                } catch (SQLException e) {
                    healthy = false;
                }
            }
            giveBack(connection, healthy);
        }
    }

    private static boolean connectionBroken(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("closed") || message.contains("not open");
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite already rolled back (for example after SQLITE_FULL); nothing is left to undo.
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection borrow() {
        synchronized (idle) {
            if (closed) {
                throw new DatabaseException("the database " + file + " is closed");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        try {
            Connection connection = DriverManager.getConnection(url);
            execute(connection, "PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            execute(connection, "PRAGMA journal_mode=WAL");
            execute(connection, "PRAGMA synchronous=NORMAL");
            execute(connection, "PRAGMA foreign_keys=ON");
            return connection;
        } catch (SQLException e) {
            throw new DatabaseException("cannot open " + file, e);
        }
    }

    private void giveBack(Connection connection, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < IDLE_CONNECTIONS) {
                idle.addFirst(connection);
                return;
            }
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a connection we no longer want; nothing depends on it.
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            for (Connection connection : idle) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // Shutting down.
                }
            }
            idle.clear();
        }
    }
}
