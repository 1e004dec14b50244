package studio.timelapse.desktop.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import studio.timelapse.shared.protocol.FrameId;

/**
 * Stores frames for the library's property tests as sync and import store them — each camera's next sequence
 * numbers, each imported file of its own content — at capture times the test chooses, and lists them back.
 */
final class RandomFrames {
    private final LibraryFixture fixture;
    private final Supplier<Instant> times;
    private final Map<String, Long> nextSeq = new HashMap<>();
    private int imported;

    RandomFrames(LibraryFixture fixture, Supplier<Instant> times) {
        this.fixture = fixture;
        this.times = times;
    }

    /** A batch of a camera's next frames, with the sync cursor. */
    void sync(String camera, int frames) {
        List<NewCameraFrame> batch = new ArrayList<>();
        for (int n = 0; n < frames; n++) {
            long seq = nextSeq.merge(camera, 1L, Long::sum);
            batch.add(new NewCameraFrame(new FrameId("e1", seq), times.get(), 0,
                    LibraryFixture.sha256((camera + seq).getBytes()), 1, 0, 0, "frames/" + camera + "/" + seq + ".jpg"));
        }
        fixture.frames().storeSynced(camera, batch, batch.get(batch.size() - 1).id());
    }

    void importFrames(long card, int frames) {
        for (int n = 0; n < frames; n++) {
            String name = "card-" + imported++;
            fixture.frames().insertImportedFrame(new NewImportedFrame(card, times.get(), 0,
                    LibraryFixture.sha256(name.getBytes()), 1, 0, 0, "frames/card/" + name + ".jpg"));
        }
    }

    /** Every frame of a sequence, page after page. */
    List<Frame> listed(long sequence) {
        List<Frame> frames = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            Page page = fixture.frames().ofSequence(sequence, after, 500);
            frames.addAll(page.frames());
            after = page.next();
        } while (after.isPresent());
        return frames;
    }

    List<Long> allIds(List<Long> sources) {
        return sources.stream().flatMap(source -> listed(source).stream()).map(Frame::id).toList();
    }
}
