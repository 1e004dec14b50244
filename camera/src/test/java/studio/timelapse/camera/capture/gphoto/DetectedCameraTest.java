package studio.timelapse.camera.capture.gphoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** gphoto2 --auto-detect's table gives each camera's port, and for USB the bus and device a reset needs. */
class DetectedCameraTest {
    static final String ONE_CAMERA = """
            Model                          Port
            ----------------------------------------------------------
            Canon EOS 600D                 usb:001,007
            """;

    @Test
    void aUsbCameraGivesItsBusAndDevice() {
        assertThat(DetectedCamera.parse(ONE_CAMERA)).containsExactly(
                new DetectedCamera("Canon EOS 600D", "usb:001,007", Optional.of("001"), Optional.of("007")));
    }

    @Test
    void camerasOnOtherPortsHaveNoUsbNumbers() {
        String table = """
                Model                          Port
                ----------------------------------------------------------
                Nikon DSC D750                 usb:002,014
                Fuji X-T3 (PTP/IP)             ptpip:192.168.1.20
                """;

        assertThat(DetectedCamera.parse(table)).extracting(DetectedCamera::model, DetectedCamera::usbDevice)
                .containsExactly(tuple("Nikon DSC D750", Optional.of("014")),
                        tuple("Fuji X-T3 (PTP/IP)", Optional.empty()));
    }

    @Test
    void theHeaderAloneMeansNoCamera() {
        assertThat(DetectedCamera.parse("Model                          Port\n-------------------------\n")).isEmpty();
    }
}
