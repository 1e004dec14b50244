package studio.timelapse.camera.agent;

import java.time.ZoneId;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.gopro.GoProBackend;
import studio.timelapse.camera.capture.gopro.GoProConfig;
import studio.timelapse.camera.capture.gphoto.GphotoBackend;
import studio.timelapse.camera.capture.gphoto.GphotoConfig;
import studio.timelapse.camera.capture.rpicam.RpicamBackend;
import studio.timelapse.camera.capture.rpicam.RpicamConfig;
import studio.timelapse.camera.capture.synthetic.SceneClock;
import studio.timelapse.camera.capture.synthetic.SunPath;
import studio.timelapse.camera.capture.synthetic.SyntheticCamera;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.CaptureConfig;

/** The backend a configuration names, with the agent's defaults for each kind of camera. */
final class Backends {
    private Backends() {}

    /**
     * @param sceneClock the synthetic camera's idea of time (real time, or a simulated day for the demo)
     */
    static CameraBackend create(CaptureConfig config, ActionLog log, ZoneId zone, SceneClock sceneClock) {
        return switch (config.backend()) {
            // At a configured location the synthetic sun is the real one there; without one, a smooth stand-in day.
            case "synthetic" -> SyntheticCamera.builder(log).zone(zone).sceneClock(sceneClock)
                    .sunPath(config.location().map(place -> SunPath.at(place.position()))
                            .orElseGet(() -> SunPath.simpleDay(zone))).build();
            case "rpicam" -> new RpicamBackend(log, RpicamConfig.defaults());
            case "gphoto2" -> new GphotoBackend(log, GphotoConfig.builder().build());
            case "gopro" -> new GoProBackend(log, GoProConfig.defaults());
            default -> throw new IllegalArgumentException("no camera backend named '" + config.backend() + "'");
        };
    }
}
