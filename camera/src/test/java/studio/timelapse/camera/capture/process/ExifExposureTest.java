package studio.timelapse.camera.capture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a camera wrote into EXIF becomes the frame's exposure, in the names the rest of the agent uses. */
class ExifExposureTest {
    @TempDir
    Path dir;

    @Test
    void shutterIsoApertureAndTheCamerasClockAreRead() throws IOException {
        Path file = TestJpegs.write(dir.resolve("dslr.jpg"),
                TestJpegs.withExif(TestJpegs.jpeg(32, 24), 1, 250, 800, 80, "2024:05:01 06:30:00"));

        assertThat(ExifExposure.read(file)).containsExactly(
                entry("shutter_s", 0.004), entry("iso", 800), entry("gain", 8.0), entry("aperture", 8.0),
                entry("camera_time", "2024:05:01 06:30:00"));
    }

    @Test
    void aJpegWithoutExifHasNoExposure() throws IOException {
        assertThat(ExifExposure.read(TestJpegs.write(dir.resolve("plain.jpg"), 16, 16))).isEmpty();
    }

    @Test
    void somethingThatIsNotAJpegIsAnError() {
        Path text = TestJpegs.write(dir.resolve("text.jpg"), "not a picture".getBytes());

        assertThatThrownBy(() -> ExifExposure.read(text)).isInstanceOf(IOException.class);
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return Map.entry(key, value);
    }
}
