package studio.timelapse.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.camera.store.RetentionPolicy;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.testing.RecordingLog;

/** From the camera into the store: whole frames only, whatever the backend does. */
class FrameCaptureTest {
    @TempDir
    Path home;

    private SqliteDatabase db;
    private FrameStore store;
    private final RecordingLog recording = new RecordingLog();
    private final List<FrameInfo> announced = new CopyOnWriteArrayList<>();
    private final ScriptedBackend backend = new ScriptedBackend();
    private FrameCapture capture;

    /** A backend told what to do next: write a real JPEG, hang, write garbage, or fail. */
    static final class ScriptedBackend implements CameraBackend {
        enum Next { JPEG, HANG, GARBAGE, BUSY }

        volatile Next next = Next.JPEG;
        volatile int resets;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public BackendCapabilities capabilities() {
            return new BackendCapabilities(true, false, 64, 48, 500);
        }

        @Override
        public CaptureResult capture(CaptureRequest request, Path target) throws CaptureException, InterruptedException {
            switch (next) {
                case HANG -> {
                    Files.isDirectory(target.getParent());
                    Thread.sleep(60_000);
                    throw new IllegalStateException("unreachable");
                }
                case GARBAGE -> {
                    try {
                        Files.write(target, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
                    } catch (IOException e) {
                        throw new CaptureException(CaptureException.Kind.FAILED, e.getMessage(), e);
                    }
                    return new CaptureResult(request.slot(), 64, 48, java.util.Map.of());
                }
                case BUSY -> throw new CaptureException(CaptureException.Kind.BUSY, "PTP Device Busy");
                default -> {
                    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
                    image.setRGB(10, 10, 0xFF8800);
                    try {
                        ImageIO.write(image, "jpg", target.toFile());
                    } catch (IOException e) {
                        throw new CaptureException(CaptureException.Kind.FAILED, e.getMessage(), e);
                    }
                    return new CaptureResult(request.slot(), 64, 48, java.util.Map.of("shutter_s", 0.01));
                }
            }
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void close() {}
    }

    @BeforeEach
    void open() throws IOException {
        db = SqliteDatabase.open(home.resolve("agent.sqlite"));
        db.migrate("shared", "db/shared");
        db.migrate("agent", "db/agent");
        store = FrameStore.builder(home, db, recording.log()).open();
        capture = capture(RetentionPolicy.defaults().withMinFree(0, 0));
    }

    private FrameCapture capture(RetentionPolicy policy) {
        return new FrameCapture(backend, store, store.retention(policy), slot -> FrameSettings.automatic(),
                Duration.ofMillis(300), Clock.systemUTC(), recording.log(), announced::add);
    }

    @AfterEach
    void close() throws IOException {
        capture.close();
        store.close();
        db.close();
        recording.close();
    }

    private long incomingFiles() throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("frames"))) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().contains(".incoming")).count();
        }
    }

    @Test
    void aFrameIsStoredIndexedAndAnnounced() throws Exception {
        capture.capture(Instant.parse("2026-06-21T04:00:00Z"));
        assertThat(announced).singleElement().satisfies(frame -> {
            assertThat(frame.id().sequence()).isEqualTo(1);
            assertThat(frame.width()).isEqualTo(64);
            assertThat(frame.exposure()).containsEntry("shutter_s", 0.01);
        });
        assertThat(store.file(announced.get(0).id())).hasValueSatisfying(file -> assertThat(file).exists());
    }

    @Test
    void aHungBackendIsKilledAtTheDeadlineResetAndLeavesNothingBehind() throws Exception {
        backend.next = ScriptedBackend.Next.HANG;
        assertThatThrownBy(() -> capture.capture(Instant.now())).isInstanceOfSatisfying(CaptureException.class,
                e -> assertThat(e.kind()).isEqualTo(CaptureException.Kind.TIMEOUT));
        assertThat(backend.resets).isEqualTo(1);
        assertThat(incomingFiles()).isZero();
        backend.next = ScriptedBackend.Next.JPEG;
        capture.capture(Instant.now());
        assertThat(announced).singleElement().satisfies(frame -> assertThat(frame.id().sequence()).isEqualTo(1));
    }

    @Test
    void garbageFromTheCameraIsRefusedAndTheSequenceStaysGapFree() throws Exception {
        backend.next = ScriptedBackend.Next.GARBAGE;
        assertThatThrownBy(() -> capture.capture(Instant.now())).isInstanceOf(IOException.class);
        backend.next = ScriptedBackend.Next.BUSY;
        assertThatThrownBy(() -> capture.capture(Instant.now())).hasMessage("PTP Device Busy");
        backend.next = ScriptedBackend.Next.JPEG;
        capture.capture(Instant.now());
        assertThat(announced).extracting(frame -> frame.id().sequence()).containsExactly(1L);
        assertThat(incomingFiles()).isZero();
    }

    @Test
    void captureNowIsRefusedWhileTheDiskHoldsOnlyUnsyncedFrames() throws Exception {
        capture.capture(Instant.now());
        FrameCapture starved = capture(RetentionPolicy.defaults().withMinFree(Long.MAX_VALUE / 4, 0));
        assertThat(starved.hold()).isPresent();
        assertThatThrownBy(starved::captureNow).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.refusals().get(0).remedy()).isPresent());
        starved.close();
        assertThat(capture.captureNow().id().sequence()).isEqualTo(2);
        assertThat(Optional.of(announced.size())).contains(2);
    }
}
