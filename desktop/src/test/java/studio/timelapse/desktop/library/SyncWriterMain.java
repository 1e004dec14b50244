package studio.timelapse.desktop.library;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.FrameId;

/**
 * A child process for {@link SyncDurabilityTest}: stores batches of synced frames with their cursor, as fast as it
 * can, forever, printing "BATCH n" after each; the test kills it with kill -9 somewhere in the middle.
 */
public final class SyncWriterMain {
    static final int BATCH = 10;

    private SyncWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        try (ActionLog log = ActionLog.builder("test").build(); Library library = Library.open(folder, log, Clock.systemUTC())) {
            Cameras.of(library).add("cam-1", "cam-1", "127.0.0.1", 8443);
            Frames frames = Frames.of(library);
            Instant start = Instant.parse("2024-06-21T00:00:00Z");
            for (long batch = 1; ; batch++) {
                List<NewCameraFrame> stored = new ArrayList<>();
                for (long seq = (batch - 1) * BATCH + 1; seq <= batch * BATCH; seq++) {
                    FrameId id = new FrameId("e1", seq);
                    String path = library.files().pathFor("cam-1", start.plusSeconds(seq), 0, id + ".jpg");
                    FrameFiles.Written file = library.files().writeAtomically(path, content(id));
                    stored.add(new NewCameraFrame(id, start.plusSeconds(seq), 0, file.sha256(), file.size(), 0, 0, path));
                }
                frames.storeSynced("cam-1", stored, stored.get(stored.size() - 1).id());
                System.out.println("BATCH " + batch);
            }
        }
    }

    static byte[] content(FrameId id) {
        return ("frame " + id + " ").repeat(200).getBytes(StandardCharsets.UTF_8);
    }
}
