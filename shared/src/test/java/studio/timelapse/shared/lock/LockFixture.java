package studio.timelapse.shared.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * Per test: a migrated database file in a fresh folder, a recording log and {@link Locks} on them. With a manual
 * clock, leases expire only when the test moves it; with the real clock, in real time. Leases last 30 s unless a
 * request says otherwise. Register it with {@code @RegisterExtension final LockFixture fixture = LockFixture.…();}.
 */
final class LockFixture implements BeforeEachCallback, AfterEachCallback {
    static final Duration LEASE = Duration.ofSeconds(30);

    /** The manual clock; it dates leases only in a fixture made with one. */
    final ManualClock clock = new ManualClock(Instant.parse("2024-06-01T12:00:00Z"));
    final RecordingLog recording;
    private final Clock leaseClock;
    private final LockCompatibility compatibility;
    Path folder;
    SqliteDatabase db;
    Locks locks;

    private LockFixture(boolean manual, LockCompatibility compatibility) {
        this.leaseClock = manual ? clock : Clock.systemUTC();
        this.recording = manual ? new RecordingLog(clock, clock) : new RecordingLog();
        this.compatibility = compatibility;
    }

    static LockFixture withManualClock(LockCompatibility compatibility) {
        return new LockFixture(true, compatibility);
    }

    static LockFixture withManualClock() {
        return withManualClock(LockCompatibility.nothingOverlaps());
    }

    static LockFixture withRealClock(LockCompatibility compatibility) {
        return new LockFixture(false, compatibility);
    }

    static LockFixture withRealClock() {
        return withRealClock(LockCompatibility.nothingOverlaps());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("locks-test");
        db = migratedDatabase(databaseFile());
        locks = Locks.builder(db, recording.log()).compatibility(compatibility).defaultLease(LEASE).clock(leaseClock)
                .build();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        locks.close();
        db.close();
        recording.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(LockFixture::delete);
        }
    }

    Path databaseFile() {
        return folder.resolve("locks.sqlite");
    }

    /** The file, created if needed, with the shared library's migrations applied. */
    static SqliteDatabase migratedDatabase(Path file) {
        SqliteDatabase db = SqliteDatabase.open(file);
        db.migrate("shared", "db/shared");
        return db;
    }

    Lease take(String name, String holder) {
        return locks.tryAcquire(LockRequest.of(name, holder));
    }

    /** How many lease rows the table holds, live or expired. */
    long leaseRows() {
        return db.read(connection -> {
            try (var rows = connection.createStatement().executeQuery("SELECT count(*) FROM lock_lease")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
