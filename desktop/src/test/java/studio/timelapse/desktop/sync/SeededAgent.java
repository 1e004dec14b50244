package studio.timelapse.desktop.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.store.FrameStore;
import studio.timelapse.camera.store.PendingFrame;
import studio.timelapse.desktop.cameras.LoopbackAgent;
import studio.timelapse.shared.protocol.FrameInfo;
import studio.timelapse.shared.protocol.FrameSettings;

/** Fills a real agent's store with frames of a chosen size, as its capture loop would (begin, write, commit). */
final class SeededAgent {
    private final TestJpegs jpegs = new TestJpegs();
    private long seed;

    /** Stores {@code count} frames of {@code size} bytes in the running agent. */
    List<FrameInfo> seed(LoopbackAgent agent, int count, int size) throws IOException {
        return seed(agent.agent().store(), count, size);
    }

    List<FrameInfo> seed(FrameStore store, int count, int size) throws IOException {
        List<FrameInfo> taken = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(count * 5L);
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(i * 5L);
            PendingFrame pending = store.begin();
            Files.write(pending.file(), jpegs.of(size, seed++));
            taken.add(store.commit(pending, new CaptureRequest(FrameSettings.automatic(), at, at.plusSeconds(30)),
                    new CaptureResult(at, 32, 32, Map.of("shutter_s", 0.01))));
        }
        return taken;
    }

    /** The agent's copy of a frame, for tests that damage it. */
    static Path fileOf(LoopbackAgent agent, FrameInfo frame) {
        return agent.agent().store().file(frame.id()).orElseThrow();
    }
}
