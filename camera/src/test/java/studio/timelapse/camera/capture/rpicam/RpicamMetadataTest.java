package studio.timelapse.camera.capture.rpicam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rpicam-still prints with --metadata - becomes the frame's exposure. */
class RpicamMetadataTest {
    /** As rpicam-still prints it for a still: one control per line, sizes unquoted, rectangles quoted. */
    static final String METADATA = """
            {
                "SensorTimestamp": 1532117264000,
                "ScalerCrop": "(0, 0)/4608x2592",
                "SensorBlackLevels": [ 4096, 4096, 4096, 4096 ],
                "ExposureTime": 33321,
                "AnalogueGain": 2.5,
                "DigitalGain": 1.0312,
                "ColourGains": [ 1.84, 1.63 ],
                "ColourTemperature": 4987,
                "Lux": 312.25,
                "SensorOutputSize": 4608x2592,
                "AeLocked": true
            }
            """;

    @Test
    void theExposureControlsAreKeptUnderOurNames() {
        assertThat(RpicamMetadata.exposure(METADATA)).containsExactly(
                Map.entry("shutter_s", 0.033321), Map.entry("gain", 2.5), Map.entry("digital_gain", 1.0312),
                Map.entry("lux", 312.25), Map.entry("colour_temperature", 4987),
                Map.entry("colour_gains", List.of(1.84, 1.63)));
    }

    @Test
    void nothingPrintedIsNoExposure() {
        assertThat(RpicamMetadata.exposure("")).isEmpty();
    }

    @Test
    void aValueThatIsNotANumberIsLeftOut() {
        assertThat(RpicamMetadata.exposure("{\n    \"ExposureTime\": fast,\n    \"Lux\": 20\n}\n"))
                .containsExactly(Map.entry("lux", 20.0));
    }
}
