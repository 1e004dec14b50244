package studio.timelapse.desktop.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.astronomy.GeoPosition;
import studio.timelapse.shared.db.DatabaseException;
import studio.timelapse.shared.db.SqlWork;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * A studio library: one self-contained folder holding {@value #DATABASE_FILE} and the frame files under
 * {@code frames/}. Every path stored inside is relative to the folder, so the folder can be moved or copied as a
 * whole and opened again from wherever it lands.
 *
 * <p>The database carries the shared tables (states, locks, jobs: owner "shared") and the library's own (owner
 * "library", {@code db/migration}). Features reach the tables only through the small repositories of this package
 * ({@link Cameras}, {@link Frames}, {@link Sequences}); jOOQ never leaves it.
 */
public final class Library implements AutoCloseable {
    public static final String DATABASE_FILE = "library.sqlite";

    /** Rendering without schema names (SQLite has one schema) and without jOOQ's own statement logging. */
    private static final Settings SETTINGS = new Settings()
            .withRenderSchema(false)
            .withExecuteLogging(false)
            .withDiagnosticsLogging(false);

    private final Path folder;
    private final SqliteDatabase database;
    private final ActionLog log;
    private final Clock clock;
    private final FrameFiles files;
    /** Each camera location's days of daylight, worked out once: counting a month of daylight needs 30 of them. */
    private final Map<GeoPosition, DaylightIntervals> daylight = new ConcurrentHashMap<>();
    /** Sees the SQL of every statement, for tests that check query plans; null in normal use. */
    private volatile Consumer<String> statementObserver;

    private Library(Path folder, SqliteDatabase database, ActionLog log, Clock clock) {
        this.folder = folder;
        this.database = database;
        this.log = log;
        this.clock = clock;
        this.files = new FrameFiles(folder);
    }

    /**
     * Opens the library in {@code folder}, creating the folder and an empty library if there is none, and brings its
     * schema up to date.
     *
     * @throws DatabaseException when the folder cannot be created or the database cannot be opened or migrated
     */
    public static Library open(Path folder, ActionLog log, Clock clock) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(clock, "clock");
        Path absolute = folder.toAbsolutePath().normalize();
        return log.call("studio:library:open", java.util.Map.of("folder", absolute.toString()), action -> {
            try {
                Files.createDirectories(absolute);
            } catch (IOException e) {
                throw new DatabaseException("cannot create the library folder " + absolute + ": " + e);
            }
            SqliteDatabase database = SqliteDatabase.open(absolute.resolve(DATABASE_FILE));
            try {
                database.migrate("shared", "db/shared");
                database.migrate("library", "db/migration");
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return new Library(absolute, database, log, clock);
        });
    }

    /** The library folder (absolute): everything the library holds is inside it. */
    public Path folder() {
        return folder;
    }

    /** The database, for the shared state store, locks and job runner that live in it too. */
    public SqliteDatabase database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public ActionLog log() {
        return log;
    }

    /** Where frame files go inside this library, and how they are written. */
    public FrameFiles files() {
        return files;
    }

    /** The stretches of daylight at a place, remembered for the life of this library. */
    DaylightIntervals daylightAt(GeoPosition position) {
        return daylight.computeIfAbsent(position, DaylightIntervals::new);
    }

    /** A read transaction: one consistent snapshot. */
    <T> T read(LibraryWork<T> work) {
        return database.read(jooq(work));
    }

    /** A write transaction, taken up front ({@code BEGIN IMMEDIATE}). */
    <T> T write(LibraryWork<T> work) {
        return database.write(jooq(work));
    }

    /** A write transaction whose commit survives a power cut, for commits after which something irreversible follows. */
    <T> T writeDurably(LibraryWork<T> work) {
        return database.writeDurably(jooq(work));
    }

    /** jOOQ on a connection some other code holds in a transaction (a job's chunk, a state transition). */
    DSLContext sql(Connection connection) {
        Configuration configuration = new DefaultConfiguration().set(connection).set(SQLDialect.SQLITE).set(SETTINGS);
        Consumer<String> observer = statementObserver;
        if (observer != null) {
            configuration.set(ExecuteListener.onExecuteEnd(context -> observer.accept(context.sql())));
        }
        return DSL.using(configuration);
    }

    /** Shows every statement's SQL to {@code observer} (null: to nobody). */
    void observeStatements(Consumer<String> observer) {
        this.statementObserver = observer;
    }

    /**
     * The work as plain JDBC work; jOOQ's own exceptions become the {@link SQLException}s they wrap, so callers see
     * the database's {@link DatabaseException} (busy, full disk, …) and never a jOOQ type.
     */
    <T> SqlWork<T> jooq(LibraryWork<T> work) {
        return connection -> {
            try {
                return work.run(sql(connection));
            } catch (DataAccessException e) {
                SQLException cause = e.getCause(SQLException.class);
                throw cause != null ? cause : new SQLException(e.getMessage(), e);
            }
        };
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "library " + folder;
    }
}
