package studio.timelapse.camera.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static studio.timelapse.camera.capture.synthetic.Frames.auto;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studio.timelapse.camera.capture.process.ExifExposure;
import studio.timelapse.camera.capture.synthetic.TestCameras.Captured;

/** The synthetic camera writes EXIF as a camera module does, so the studio can judge its frames' light. */
class SyntheticExifTest {
    private final TestCameras cameras = new TestCameras();

    @AfterEach
    void close() {
        cameras.close();
    }

    private SyntheticCamera camera() {
        return cameras.camera(builder -> builder.timestamp(false));
    }

    /** The scene's light as the studio works it out: the exposure's EV at ISO 100, corrected by the picture's mean. */
    private static double sceneEv(Map<String, Object> exif, BufferedImage picture) {
        double n = (double) exif.get("aperture");
        double t = (double) exif.get("shutter_s");
        int iso = (int) exif.get("iso");
        return log2(n * n / t) - log2(iso / 100.0) + log2(Frames.meanLuma(picture) / 118);
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    @Test
    void eachFrameCarriesTheExposureItWasTakenWithInItsExif() throws Exception {
        SyntheticCamera camera = camera();
        for (String time : new String[] {"12:00", "21:30", "00:30"}) {
            Captured frame = cameras.capture(camera, time, auto(160, 120));

            Map<String, Object> exif = ExifExposure.read(frame.file());
            Map<String, Object> used = frame.result().exposure();
            assertThat((double) exif.get("shutter_s")).as(time)
                    .isCloseTo((double) used.get("shutter_s"), within((double) used.get("shutter_s") * 1e-5));
            assertThat(exif.get("iso")).as(time).isEqualTo((int) Math.round(100 * (double) used.get("gain")));
            assertThat(exif.get("aperture")).as(time).isEqualTo(SyntheticCamera.LENS_F_NUMBER);
        }
    }

    @Test
    void theExifNamesTheCameraAndLeavesThePictureIntact() throws Exception {
        Captured frame = cameras.capture(camera(), "12:00", auto(160, 120));

        ExifIFD0Directory ifd0 = JpegMetadataReader.readMetadata(frame.file().toFile())
                .getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(ifd0.getString(ExifIFD0Directory.TAG_MAKE)).isEqualTo("Timelapse Studio");
        assertThat(ifd0.getString(ExifIFD0Directory.TAG_MODEL)).isEqualTo("Synthetic camera");
        BufferedImage picture = Frames.read(frame.file());
        assertThat(picture.getWidth()).isEqualTo(160);
        assertThat(picture.getHeight()).isEqualTo(120);
    }

    @Test
    void theLightTheExifGivesIsDaylightAtNoonAndNightAtDuskAndMidnightThoughAutoExposureMakesThemGrey() throws Exception {
        SyntheticCamera camera = camera();
        Captured noon = cameras.capture(camera, "12:00", auto(160, 120));
        double noonEv = sceneEv(ExifExposure.read(noon.file()), Frames.read(noon.file()));
        Captured dusk = cameras.capture(camera, "19:00", auto(160, 120));
        double duskEv = sceneEv(ExifExposure.read(dusk.file()), Frames.read(dusk.file()));
        Captured midnight = cameras.capture(camera, "00:30", auto(160, 120));
        double midnightEv = sceneEv(ExifExposure.read(midnight.file()), Frames.read(midnight.file()));

        // The studio calls 9 EV and up day (desktop library's Daylight): a bright noon is 13-15; an hour after
        // sunset (the sun 13 degrees down) and midnight are night, though auto exposure shows them mid-grey.
        assertThat(noonEv).isBetween(13.0, 15.5);
        assertThat(duskEv).isLessThan(9.0);
        assertThat(midnightEv).isLessThan(3.0);
    }
}
