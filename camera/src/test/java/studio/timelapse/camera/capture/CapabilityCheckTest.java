package studio.timelapse.camera.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;
import studio.timelapse.shared.refusal.Refusal;

/** A configuration the camera in use cannot keep up with is refused before capture starts, saying what would do. */
class CapabilityCheckTest {
    /** A camera that needs 1 ms per 1,000 pixels between frames. */
    private static final CameraBackend PIXEL_BOUND = new CameraBackend() {
        @Override
        public String name() {
            return "synthetic";
        }

        @Override
        public BackendCapabilities capabilities() {
            return capabilities(FrameSettings.automatic());
        }

        @Override
        public BackendCapabilities capabilities(FrameSettings frame) {
            long pixels = (long) frame.width() * frame.height();
            return new BackendCapabilities(true, true, 4056, 3040, pixels / 1000);
        }

        @Override
        public CaptureResult capture(CaptureRequest request, Path target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reset() { }

        @Override
        public void close() { }
    };

    private static CaptureConfig every(double seconds, int width, int height) {
        return new CaptureConfig("synthetic", FrameSettings.automatic().withSize(width, height),
                ScheduleConfig.every(seconds), Optional.empty());
    }

    @Test
    void anIntervalShorterThanTheCameraNeedsAtThatSizeIsRefusedWithTheShortestItCanDo() {
        List<Refusal> problems = CapabilityCheck.problems(PIXEL_BOUND, every(1, 1920, 1080));

        assertThat(problems).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.code()).isEqualTo("config.interval_too_short");
            assertThat(refusal.reason()).contains("2.07 s between 1920x1080 frames").contains("the interval is 1.0 s");
            assertThat(refusal.remedy()).hasValueSatisfying(remedy -> assertThat(remedy)
                    .contains("every 2.07 s or more, or choose smaller frames"));
            assertThat(refusal.details()).containsEntry("field", "schedule.intervalSeconds")
                    .containsEntry("min_interval_ms", 2073L);
        });
    }

    @Test
    void theSameIntervalWithSmallerFramesOrALongerIntervalIsFine() {
        assertThat(CapabilityCheck.problems(PIXEL_BOUND, every(1, 640, 360))).isEmpty();
        assertThat(CapabilityCheck.problems(PIXEL_BOUND, every(2.5, 1920, 1080))).isEmpty();
    }

    @Test
    void theConfigurationsOwnMistakesComeFirstAndAlone() {
        assertThat(CapabilityCheck.problems(PIXEL_BOUND, every(0.1, 1920, 1080)))
                .extracting(Refusal::code).containsExactly("config.interval");
    }
}
