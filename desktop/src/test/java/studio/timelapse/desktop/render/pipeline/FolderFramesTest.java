package studio.timelapse.desktop.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderFramesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path folder;

    private Path jpeg(String name, String taken, String offset) throws Exception {
        byte[] plain = TestJpegs.bytes(TestJpegs.solid(16, 16, 0x808080), 0.9f);
        return Files.write(folder.resolve(name), taken == null ? plain : TestJpegs.withCaptureTime(plain, taken, offset));
    }

    @Test
    void framesComeInCaptureOrderWithTheirExifTimesEvenWhenTheCounterWrapped() throws Exception {
        jpeg("IMG_9998.JPG", "2026:06:21 05:30:00", "+02:00");
        jpeg("IMG_9999.jpg", "2026:06:21 05:30:30", "+02:00");
        jpeg("IMG_0001.jpeg", "2026:06:21 05:31:00", "+02:00");
        Files.writeString(folder.resolve("notes.txt"), "not a frame");
        jpeg(".hidden.jpg", null, null);
        List<SourceFrame> frames = FolderFrames.scan(folder, BERLIN);
        assertThat(frames).extracting(frame -> frame.file().getFileName().toString())
                .containsExactly("IMG_9998.JPG", "IMG_9999.jpg", "IMG_0001.jpeg");
        assertThat(frames.get(2).capturedAt()).hasValue(OffsetDateTime.parse("2026-06-21T05:31:00+02:00"));
    }

    @Test
    void aTimeWithoutAnOffsetIsTheCamerasLocalTime() throws Exception {
        Path file = jpeg("a.jpg", "2026:01:15 08:00:00", null);
        assertThat(FolderFrames.captureTime(file, BERLIN)).hasValue(OffsetDateTime.parse("2026-01-15T08:00:00+01:00"));
    }

    @Test
    void withoutCaptureTimesEverywhereTheFileNamesDecide() throws Exception {
        jpeg("b.jpg", "2026:06:21 05:00:00", "+02:00");
        jpeg("a.jpg", null, null);
        Files.write(folder.resolve("c.jpg"), new byte[] {1, 2, 3}); // damaged: the render will skip it with its reason
        assertThat(FolderFrames.scan(folder, BERLIN)).extracting(frame -> frame.file().getFileName().toString())
                .containsExactly("a.jpg", "b.jpg", "c.jpg");
    }
}
