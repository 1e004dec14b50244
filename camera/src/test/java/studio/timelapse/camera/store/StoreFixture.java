package studio.timelapse.camera.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.shared.actionlog.LogMessage;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameId;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FramePage;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.testing.ManualClock;
import studio.timelapse.shared.testing.RecordingLog;

/** A real store in a temporary agent home: real files, real SQLite, a manual clock and a disk of a chosen size. */
final class StoreFixture implements AutoCloseable {
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    final Path home;
    final SqliteDatabase db;
    final RecordingLog recording = new RecordingLog();
    final ManualClock clock = new ManualClock(START);
    final FakeDisk disk;
    final FailingFiles files = new FailingFiles();
    FrameStore store;
    private long seed;

    StoreFixture(Path home) throws IOException {
        this.home = home;
        this.db = openDatabase(home);
        this.disk = new FakeDisk(home, 1_000_000_000L);
        this.store = open();
    }

    static SqliteDatabase openDatabase(Path home) {
        SqliteDatabase database = SqliteDatabase.open(home.resolve("agent.db"));
        database.migrate("agent", "db/agent");
        return database;
    }

    FrameStore open() throws IOException {
        return FrameStore.builder(home, db, recording.log()).clock(clock).zone(ZURICH).diskSpace(disk).files(files)
                .open();
    }

    /** Closes the store and opens it again, as a restarted agent would (recovery runs). */
    FrameStore reopen() throws IOException {
        store.close();
        store = open();
        return store;
    }

    /** Takes one frame as the scheduler would: begin, the backend writes, commit. The clock moves 10 s. */
    FrameInfo take(byte[] jpeg) throws IOException {
        Instant now = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        return take(jpeg, now);
    }

    FrameInfo take(byte[] jpeg, Instant capturedAt) throws IOException {
        PendingFrame pending = store.begin();
        Files.write(pending.file(), jpeg);
        return store.commit(pending, request(capturedAt), result(capturedAt));
    }

    FrameInfo takeOne() throws IOException {
        return take(TestJpegs.small(seed++));
    }

    List<FrameInfo> take(int count) throws IOException {
        List<FrameInfo> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(takeOne());
        }
        return taken;
    }

    static CaptureRequest request(Instant slot) {
        return new CaptureRequest(FrameSettings.automatic().withSize(32, 32), slot, slot.plusSeconds(30));
    }

    static CaptureResult result(Instant capturedAt) {
        return new CaptureResult(capturedAt, 32, 32, Map.of("shutter_s", 0.004, "iso", 100));
    }

    /** Every indexed frame, page by page. */
    List<FrameInfo> listAll() {
        List<FrameInfo> all = new ArrayList<>();
        Optional<FrameId> cursor = Optional.empty();
        do {
            FramePage page = store.after(cursor, 7);
            all.addAll(page.frames());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    /** Every file named like a frame under frames/, relative and '/'-separated. */
    List<String> frameFiles() {
        return filesUnder(store.framesFolder()).stream()
                .filter(f -> !f.startsWith(".incoming/") && f.endsWith(".jpg")).sorted().toList();
    }

    List<String> incoming() {
        return filesUnder(store.framesFolder().resolve(".incoming"));
    }

    List<String> quarantined() {
        return filesUnder(home.resolve("quarantine"));
    }

    private static List<String> filesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<LogMessage> logged(String type) {
        return recording.ofType(type);
    }

    @Override
    public void close() throws IOException {
        try {
            store.close();
        } finally {
            db.close();
            recording.close();
        }
    }
}
