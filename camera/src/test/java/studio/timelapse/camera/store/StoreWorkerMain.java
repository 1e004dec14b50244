package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;

/**
 * A second agent process for {@link KillDuringCommitTest}: opens the store in a home and then, by mode,
 * <ul>
 * <li>{@code loop}: commits frames as fast as it can, printing "COMMITTED n" after each;</li>
 * <li>{@code mid-write}: commits two frames, then writes half of a third into its temporary file and waits;</li>
 * <li>{@code after-rename}: commits two frames, then stops the third between its rename and its commit;</li>
 * <li>{@code hold}: prints "READY" and keeps the store open;</li>
 * </ul>
 * printing "PAUSED …" where it waits to be killed.
 */
public final class StoreWorkerMain {
    private StoreWorkerMain() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String mode = args[1];
        SqliteDatabase db = StoreFixture.openDatabase(home);
        PausingFiles files = new PausingFiles();
        FrameStore store = FrameStore.builder(home, db, ActionLog.builder("camera").build()).zone(StoreFixture.ZURICH)
                .files(files).open();
        switch (mode) {
            case "hold" -> System.out.println("READY");
            case "loop" -> {
                for (long n = 1; ; n++) {
                    commit(store, n);
                }
            }
            case "mid-write" -> {
                commit(store, 1);
                commit(store, 2);
                byte[] jpeg = TestJpegs.small(3);
                PendingFrame pending = store.begin();
                Files.write(pending.file(), TestJpegs.truncated(jpeg, jpeg.length / 2));
                System.out.println("PAUSED mid_write");
            }
            case "after-rename" -> {
                commit(store, 1);
                commit(store, 2);
                files.pauseAfterNextRename = true;
                commit(store, 3);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void commit(FrameStore store, long n) throws IOException {
        PendingFrame pending = store.begin();
        Files.write(pending.file(), TestJpegs.small(n));
        Instant now = Instant.now();
        long sequence = store.commit(pending, StoreFixture.request(now), StoreFixture.result(now)).id().sequence();
        System.out.println("COMMITTED " + sequence);
    }

    /** The real steps, stopping for good between a rename into place and the commit of its row. */
    private static final class PausingFiles implements FrameFiles {
        private final FrameFiles real = FrameFiles.durable();
        volatile boolean pauseAfterNextRename;
        private boolean renamed;

        @Override
        public void syncFile(Path file) throws IOException {
            real.syncFile(file);
        }

        @Override
        public void createFolders(Path folder) throws IOException {
            real.createFolders(folder);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            real.move(from, to);
            renamed = pauseAfterNextRename;
        }

        @Override
        public void syncFolder(Path folder) throws IOException {
            real.syncFolder(folder);
            if (renamed) {
                System.out.println("PAUSED after_rename");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void delete(Path file) throws IOException {
            real.delete(file);
        }
    }
}
