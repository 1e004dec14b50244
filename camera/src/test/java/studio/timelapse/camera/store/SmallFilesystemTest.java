package studio.timelapse.camera.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.protocol.Acknowledgement;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * The whole agent home — frames and database — on a real 3 MB file system that fills up: Linux tmpfs, mounted by
 * the test (it needs root, as CI and the developers' machines run; elsewhere the test is skipped and
 * {@link FullDiskTest} covers each step with injected failures).
 */
class SmallFilesystemTest {
    @TempDir
    Path scratch;
    Path mount;
    boolean mounted;
    RecordingLog recording = new RecordingLog();
    SqliteDatabase db;
    FrameStore store;

    @BeforeEach
    void mountSmallFilesystem() throws IOException, InterruptedException {
        mount = scratch.resolve("small");
        Files.createDirectories(mount);
        mounted = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mount.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here (not Linux, or not root)");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
        recording.close();
        if (mounted && !run("umount", mount.toString())) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void fillingTheDiskNeverLeavesAPartialOrUnindexedFrameAndCaptureResumesWhenSpaceReturns() throws Exception {
        Path home = mount.resolve("home");
        db = StoreFixture.openDatabase(home);
        store = FrameStore.builder(home, db, recording.log()).zone(StoreFixture.ZURICH).open();
        byte[] frame = TestJpegs.noise(400, 1);
        assertThat(frame.length).isBetween(50_000, 400_000);
        Path reserve = home.resolve("reserve");
        Files.write(reserve, new byte[frame.length + 64 * 1024]);

        int committed = 0;
        Exception stoppedBy = null;
        while (stoppedBy == null) {
            PendingFrame pending = store.begin();
            try {
                Files.write(pending.file(), frame);
            } catch (IOException e) {
                stoppedBy = e;                                  // the backend itself could not write: it gives up
                store.abandon(pending);
                continue;
            }
            try {
                commit(pending);
                committed++;
            } catch (DiskFullException e) {
                stoppedBy = e;
            }
        }
        assertThat(committed).isPositive();
        assertFramesWhole(home, committed);

        // The commit path itself on a full disk: the backend's file fits, then nothing else does.
        Files.delete(reserve);
        PendingFrame pending = store.begin();
        Files.write(pending.file(), frame);
        Path filler = home.resolve("filler");
        fillUp(filler);
        Exception atCommit = null;
        try {
            commit(pending);
            committed++;
        } catch (DiskFullException e) {
            atCommit = e;
        }
        assertFramesWhole(home, committed);
        assertThat(atCommit).as("SQLite cannot grow its journal on a full disk").isInstanceOf(DiskFullException.class);

        // Space returns: the studio acknowledges, retention deletes, capture goes on with the next number.
        Files.delete(filler);
        store.acknowledge(new Acknowledgement(store.epoch(), 1, committed));
        RetentionOutcome outcome = store.retention(RetentionPolicy.defaults().withMinFree(3L * frame.length, 0)).run();
        assertThat(outcome.mayCapture()).isTrue();
        assertThat(outcome.deletedFrames()).isPositive();
        PendingFrame again = store.begin();
        Files.write(again.file(), frame);
        FrameInfo next = commit(again);
        assertThat(next.id().sequence()).isEqualTo(committed + 1);
    }

    private FrameInfo commit(PendingFrame pending) throws IOException {
        Instant now = Instant.now();
        return store.commit(pending, StoreFixture.request(now), StoreFixture.result(now));
    }

    /** Every indexed frame is whole and every frame file is indexed; nothing is left half written. */
    private void assertFramesWhole(Path home, int committed) throws IOException {
        List<FrameInfo> frames = store.after(java.util.Optional.empty(), 1000).frames();
        assertThat(frames).hasSize(committed);
        for (FrameInfo info : frames) {
            assertThat(StoreAudit.sha256(store.file(info.id()).orElseThrow())).isEqualTo(info.sha256());
        }
        try (var files = Files.walk(home.resolve("frames"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jpg")).count())
                    .isEqualTo(committed);
        }
        try (var incoming = Files.list(home.resolve("frames/.incoming"))) {
            assertThat(incoming.toList()).isEmpty();
        }
    }

    private static void fillUp(Path filler) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // Full: what the test wanted.
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
