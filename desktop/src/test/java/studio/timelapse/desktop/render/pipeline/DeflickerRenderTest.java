package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.desktop.render.look.DeflickerPlan;
import studio.timelapse.desktop.render.look.DeflickerSettings;
import studio.timelapse.desktop.render.look.RenderLook;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.testing.RecordingLog;

/** Deflicker end to end: a flickering sequence of real JPEGs, rendered, measured in the output. */
class DeflickerRenderTest {
    private static final int FRAMES = 48;

    @TempDir
    Path folder;
    private final RecordingLog recording = new RecordingLog();

    @AfterEach
    void closeLog() {
        recording.close();
    }

    /** The slowly brightening scene: from 0.55 to 0.85 of full exposure. */
    private static double trend(int i) {
        return 0.55 + 0.3 * i / (FRAMES - 1);
    }

    /** A landscape-like picture: a sky gradient over darker, textured ground, at {@code exposure}. */
    private static int pixel(int x, int y, double exposure, Random texture) {
        double base = y < 50 ? 230 - y : 120 + 40 * Math.sin(x / 7.0) * Math.cos(y / 5.0) + texture.nextInt(20);
        int r = (int) Math.min(255, base * exposure * 0.9);
        int g = (int) Math.min(255, base * exposure);
        int b = (int) Math.min(255, base * exposure * (y < 50 ? 1.1 : 0.7));
        return r << 16 | g << 8 | b;
    }

    private List<SourceFrame> flickeringSequence() {
        Random flicker = new Random(5);
        List<SourceFrame> frames = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            double exposure = trend(i) * (1 + 0.15 * (2 * flicker.nextDouble() - 1));
            Random texture = new Random(77);
            Path file = TestJpegs.write(folder.resolve(String.format("f%03d.jpg", i)),
                    TestJpegs.picture(160, 120, (x, y) -> pixel(x, y, exposure, texture)));
            frames.add(SourceFrame.of(file));
        }
        return frames;
    }

    private double[] outputLumas(List<SourceFrame> frames, RenderLook look) throws Exception {
        FramePipeline pipeline = FramePipeline.prepare(frames, PipelineSettings.of(SizePreset.ORIGINAL).withThreads(2),
                look, recording.log(), new StopSignal());
        double[] lumas = new double[frames.size()];
        try (FrameStream stream = pipeline.open()) {
            stream.forEach(frame -> lumas[frame.position()] = frame.meanLuma());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return lumas;
    }

    @Test
    void deflickerFlattensRandomFifteenPercentFlickerAtLeastFivefoldAndKeepsTheBrightening() throws Exception {
        List<SourceFrame> frames = flickeringSequence();
        double[] before = outputLumas(frames, RenderLook.plain());
        double[] after = outputLumas(frames, RenderLook.plain().withDeflicker(DeflickerSettings.window(9)));

        double flickerBefore = DeflickerPlan.meanAbsoluteStep(before);
        double flickerAfter = DeflickerPlan.meanAbsoluteStep(after);
        assertThat(flickerAfter * 5).as("mean frame-to-frame change: before %.2f, after %.2f", flickerBefore,
                flickerAfter).isLessThan(flickerBefore);

        // The brightening stays: the output's trend line rises as the scene's does (0.55 → 0.85 of exposure).
        double risingBefore = slope(before) * (FRAMES - 1) / mean(before);
        double risingAfter = slope(after) * (FRAMES - 1) / mean(after);
        assertThat(risingAfter).isCloseTo(risingBefore, offset(0.1));
        assertThat(risingAfter).isGreaterThan(0.35);
    }

    @Test
    void lumasTheLibraryKnowsAreUsedInsteadOfMeasuringAgain() throws Exception {
        List<SourceFrame> measured = flickeringSequence();
        FramePipeline first = FramePipeline.prepare(measured, PipelineSettings.of(SizePreset.ORIGINAL),
                RenderLook.plain().withDeflicker(DeflickerSettings.window(9)), recording.log(), new StopSignal());
        double[] lumas = first.deflicker().orElseThrow().before();
        List<SourceFrame> known = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            known.add(measured.get(i).withMeanLuma(lumas[i]));
        }
        int surveysBefore = recording.ofType("studio:render:measure_luma").size();
        FramePipeline second = FramePipeline.prepare(known, PipelineSettings.of(SizePreset.ORIGINAL),
                RenderLook.plain().withDeflicker(DeflickerSettings.window(9)), recording.log(), new StopSignal());
        assertThat(recording.ofType("studio:render:measure_luma")).hasSize(surveysBefore);
        assertThat(second.deflicker().orElseThrow().gains()).containsExactly(first.deflicker().orElseThrow().gains());
        assertThat(recording.ofType("studio:render:luma_source")).extracting(m -> m.text("source").orElseThrow())
                .containsExactly("measured", "library");
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double slope(double[] values) {
        double meanX = (values.length - 1) / 2.0;
        double meanY = mean(values);
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < values.length; i++) {
            covariance += (i - meanX) * (values[i] - meanY);
            variance += (i - meanX) * (i - meanX);
        }
        return covariance / variance;
    }
}
