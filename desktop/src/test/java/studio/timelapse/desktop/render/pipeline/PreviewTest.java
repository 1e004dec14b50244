package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.look.CaptureTimeOverlay;
import studio.timelapse.desktop.render.look.Corner;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.testing.RecordingLog;

class PreviewTest {
    @TempDir
    Path folder;

    @Test
    void aPreviewIs480pOfASpreadOfTheFramesWithTheLookApplied() throws Exception {
        List<SourceFrame> day = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.parse("2026-06-21T05:00:00+02:00");
        for (int i = 0; i < 5; i++) {
            Path file = TestJpegs.write(folder.resolve("f" + i + ".jpg"),
                    TestJpegs.solid(1708, 1280, FrameStreamTest.colourOf(i)));
            for (int copy = 0; copy < 10; copy++) {
                day.add(SourceFrame.of(file).capturedAt(start.plusMinutes(10L * (i * 10 + copy))));
            }
        }
        List<SourceFrame> picked = FrameSelection.spread(day, 5);
        assertThat(picked).extracting(frame -> frame.file().getFileName().toString())
                .containsExactly("f0.jpg", "f1.jpg", "f2.jpg", "f3.jpg", "f4.jpg");

        RenderLook look = RenderLook.plain().withOverlay(CaptureTimeOverlay.of("HH:mm").at(Corner.TOP_LEFT));
        List<int[]> frames = new ArrayList<>();
        try (RecordingLog recording = new RecordingLog()) {
            FramePipeline preview = FramePipeline.prepare(picked, PipelineSettings.preview(), look, recording.log(),
                    new StopSignal());
            assertThat(preview.outputSize()).isEqualTo(new FrameSize(854, 480));
            try (FrameStream stream = preview.open()) {
                stream.forEach(frame -> frames.add(frame.pixels().clone()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(frames).hasSize(5);
        for (int i = 0; i < 5; i++) {
            int[] pixels = frames.get(i);
            // 4:3 fitted into 854x480: a 640x480 picture between bars of 107 (rounded to even: 108 and 106).
            assertThat(pixels[240 * 854 + 20]).isZero();
            JpegDecoderTest.assertClose(pixels[400 * 854 + 427], FrameStreamTest.colourOf(i));
            assertThat(countWhite(pixels, 0, 0, 427, 120)).as("the time in the top left of frame %d", i)
                    .isGreaterThan(50);
        }
    }

    @Test
    void everyNthFrameStartsWithTheFirst() {
        assertThat(FrameSelection.every(List.of(0, 1, 2, 3, 4, 5, 6), 3)).containsExactly(0, 3, 6);
        assertThat(FrameSelection.spread(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 3)).containsExactly(0, 5, 10);
    }

    private static int countWhite(int[] pixels, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                count += (pixels[y * 854 + x] & 0xff) > 240 ? 1 : 0;
            }
        }
        return count;
    }
}
