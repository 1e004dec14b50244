package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.look.Easing;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.desktop.render.look.Viewport;
import studio.timelapse.desktop.render.look.ViewportKeyframe;
import studio.timelapse.desktop.render.look.ViewportPath;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.testing.RecordingLog;

/** A keyframed pan, rendered: a white post in the scene moves across the output as the view moves over it. */
class PanRenderTest {
    @TempDir
    Path folder;

    @Test
    void aPanFromLeftToRightMovesThePostFromOffScreenToTheMiddle() throws Exception {
        // 400x300 grey, a white post 20 pixels wide centred at x = 300 (0.75 of the width).
        Path file = TestJpegs.write(folder.resolve("post.jpg"),
                TestJpegs.picture(400, 300, (x, y) -> x >= 290 && x < 310 ? 0xffffff : 0x404040));
        int frames = 11;
        List<SourceFrame> sources = Collections.nCopies(frames, SourceFrame.of(file));
        // Zoom 2 shows half the width; the centre moves from 0.25 to 0.75 at constant speed.
        ViewportPath pan = ViewportPath.of(Easing.LINEAR, new ViewportKeyframe(0, new Viewport(0.25, 0.5, 2)),
                new ViewportKeyframe(1, new Viewport(0.75, 0.5, 2)));
        Map<Integer, Integer> postAt = new HashMap<>();
        try (RecordingLog recording = new RecordingLog()) {
            FramePipeline pipeline = FramePipeline.prepare(sources, PipelineSettings.of(SizePreset.ORIGINAL),
                    RenderLook.plain().withViewport(pan), recording.log(), new StopSignal());
            assertThat(pipeline.outputSize()).isEqualTo(new FrameSize(400, 300));
            try (FrameStream stream = pipeline.open()) {
                stream.forEach(frame -> postAt.put(frame.position(), brightestColumn(frame.pixels(), 400, 150)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            double left = 0.25 + 0.5 * i / (frames - 1) - 0.25; // the view's left edge, as a fraction of the source
            double expected = (0.75 - left) / 0.5 * 400;       // where the post's centre lands in the output
            if (0.775 <= left + 0.5) {
                assertThat(postAt.get(i)).as("frame %d", i).isBetween((int) expected - 3, (int) expected + 3);
                visible.add(i);
            } else if (0.725 >= left + 0.5) {
                assertThat(postAt.get(i)).as("frame %d: the post is still right of the view", i).isEqualTo(-1);
            }
        }
        assertThat(visible).containsExactly(6, 7, 8, 9, 10);
    }

    /** The centre of the bright columns of row {@code y}, or −1 if none is bright. */
    private static int brightestColumn(int[] pixels, int width, int y) {
        int first = -1;
        int last = -1;
        for (int x = 0; x < width; x++) {
            if ((pixels[y * width + x] & 0xff) > 200) {
                if (first < 0) {
                    first = x;
                }
                last = x;
            }
        }
        return first < 0 ? -1 : (first + last) / 2;
    }
}
