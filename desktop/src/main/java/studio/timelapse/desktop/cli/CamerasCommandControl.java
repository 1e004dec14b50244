package studio.timelapse.desktop.cli;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import studio.timelapse.desktop.cameras.CameraState;
import studio.timelapse.shared.protocol.AgentStatus;
import studio.timelapse.shared.protocol.CaptureCommand;
import studio.timelapse.shared.protocol.CaptureConfig;
import studio.timelapse.shared.protocol.FrameSettings;
import studio.timelapse.shared.protocol.ScheduleConfig;

/** {@code timelapse cameras start|stop|pause|resume|settings}: the camera's capture, from the studio. */
final class CamerasCommandControl {
    private CamerasCommandControl() {}

    /** One capture command; the camera's refusal, if any, is printed with its reasons. */
    abstract static class CaptureCommandLine extends CamerasCommand.OneCamera {
        abstract CaptureCommand command();

        @Override
        public Integer call() {
            return run(false, (cameras, out) -> {
                AgentStatus status = cameras.control().command(cameraId, command());
                String name = cameras.directory().camera(cameraId).name();
                out.println("Camera '" + name + "' is " + CameraState.agentStateName(status.state())
                        .toLowerCase(Locale.ROOT) + " (" + status.framesCaptured() + " frames on the camera).");
                return 0;
            });
        }
    }

    @Command(name = "start", description = "Starts capturing on the camera's schedule.")
    static final class Start extends CaptureCommandLine {
        @Override
        CaptureCommand command() {
            return CaptureCommand.START;
        }
    }

    @Command(name = "stop", description = "Stops capturing; the frames stay on the camera until synced.")
    static final class Stop extends CaptureCommandLine {
        @Override
        CaptureCommand command() {
            return CaptureCommand.STOP;
        }
    }

    @Command(name = "pause", description = "Pauses capturing; 'resume' goes on with the same run.")
    static final class Pause extends CaptureCommandLine {
        @Override
        CaptureCommand command() {
            return CaptureCommand.PAUSE;
        }
    }

    @Command(name = "resume", description = "Resumes a paused capture.")
    static final class Resume extends CaptureCommandLine {
        @Override
        CaptureCommand command() {
            return CaptureCommand.RESUME;
        }
    }

    /** {@code timelapse cameras settings ID [--interval S] [--size WxH] [--quality Q]}. */
    @Command(name = "settings", description = {"Shows the camera's capture settings, or changes them: every mistake",
        "is reported at once, and nothing changes unless the camera accepts all of it."})
    static final class Settings extends CamerasCommand.OneCamera {
        @Option(names = "--interval", paramLabel = "SECONDS", description = "Seconds from one frame to the next.")
        Double interval;

        @Option(names = "--size", paramLabel = "WxH", description = "Frame size in pixels, e.g. 1920x1080.")
        String size;

        @Option(names = "--quality", paramLabel = "Q", description = "JPEG quality, 1–100.")
        Integer quality;

        @Override
        public Integer call() {
            return run(false, (cameras, out) -> {
                CaptureConfig now = cameras.control().settings(cameraId);
                if (interval == null && size == null && quality == null) {
                    print(now, out);
                    return 0;
                }
                CaptureConfig changed;
                try {
                    changed = changed(now);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                print(cameras.control().changeSettings(cameraId, changed), out);
                return 0;
            });
        }

        private CaptureConfig changed(CaptureConfig now) {
            FrameSettings frame = now.frame();
            if (size != null) {
                String[] parts = size.toLowerCase(Locale.ROOT).split("x");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("--size is WIDTHxHEIGHT, e.g. 1920x1080, not " + size);
                }
                try {
                    frame = frame.withSize(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--size is WIDTHxHEIGHT in whole pixels, not " + size);
                }
            }
            if (quality != null) {
                frame = new FrameSettings(frame.width(), frame.height(), quality, frame.shutterSeconds(), frame.gain(),
                        frame.whiteBalanceKelvin(), frame.hdr());
            }
            ScheduleConfig schedule = now.schedule();
            if (interval != null) {
                schedule = new ScheduleConfig(interval, schedule.start(), schedule.stop(), schedule.dailyFrom(),
                        schedule.dailyTo(), schedule.sun(), schedule.maxFrames(), schedule.maxHours());
            }
            return new CaptureConfig(now.backend(), frame, schedule, now.location(), now.ramp());
        }

        private static void print(CaptureConfig config, java.io.PrintWriter out) {
            FrameSettings frame = config.frame();
            out.println("backend:  " + config.backend());
            out.println("size:     " + (frame.width() == 0 ? "full resolution" : frame.width() + "x" + frame.height()));
            out.println("quality:  " + frame.jpegQuality());
            out.println("interval: " + seconds(config.schedule().intervalSeconds()) + " s");
            config.schedule().dailyFrom().ifPresent(from -> out.println("daily:    " + from + "–"
                    + config.schedule().dailyTo().map(Object::toString).orElse("?")));
            config.schedule().maxFrames().ifPresent(max -> out.println("at most:  " + max + " frames"));
            config.location().ifPresent(where -> out.println("location: " + where.latitude() + ", "
                    + where.longitude() + " (" + where.zone() + ")"));
        }
    }

    /** 2 → "2", 0.5 → "0.5". */
    static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
