package studio.timelapse.camera.agent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import studio.timelapse.camera.capture.FrameCapture;
import studio.timelapse.camera.control.CaptureState;
import studio.timelapse.camera.gpio.BlinkPattern;
import studio.timelapse.camera.gpio.ButtonTiming;
import studio.timelapse.camera.gpio.GpioBoard;
import studio.timelapse.camera.gpio.GpioPins;
import studio.timelapse.camera.gpio.StatusLight;
import studio.timelapse.camera.pairing.Opener;
import studio.timelapse.camera.pairing.PairingWindow;
import studio.timelapse.camera.security.AgentSecurity;
import studio.timelapse.shared.actionlog.ActionLog;

/**
 * The Pi's front panel: the status LED shows the capture state (and the pairing code while a window is open), the
 * button takes a frame now (short press) or opens the pairing window (long press). Off a Pi both do nothing.
 */
final class AgentPanel implements AutoCloseable {
    private final GpioBoard board;
    private final StatusLight light;
    private final ActionLog log;
    /** Button presses hand their work to this thread: the button's own thread must stay free to read the pin. */
    private final ExecutorService work = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "panel-button");
        thread.setDaemon(true);
        return thread;
    });

    AgentPanel(AgentSettings settings, FrameCapture capture, AgentSecurity security, ActionLog log) {
        this.log = log;
        this.board = GpioBoard.start(new GpioPins(settings.ledPin(), settings.buttonPin(), ButtonTiming.standard()),
                log);
        this.light = board.statusLight();
        board.button(() -> work.submit(log.wrap(() -> captureNow(capture))),
                () -> work.submit(log.wrap(() -> openPairing(security))));
        light.show(BlinkPattern.idle());
    }

    private void captureNow(FrameCapture capture) {
        try {
            capture.captureNow();
        } catch (Exception e) {
            log.message("camera:panel:capture_now_failed", "reason", String.valueOf(e.getMessage()));
            light.flash(BlinkPattern.error());
        }
    }

    private void openPairing(AgentSecurity security) {
        PairingWindow window = security.pairingWindows().open(Opener.BUTTON);
        light.show(BlinkPattern.pairingCode(window.code().digits()));
    }

    void stateChanged(CaptureState state) {
        light.show(switch (state) {
            case CAPTURING -> BlinkPattern.capturing();
            case WAITING, HELD, PAUSED -> BlinkPattern.waiting();
            case ERROR, FAILED -> BlinkPattern.error();
            default -> BlinkPattern.idle();
        });
    }

    void frameTaken() {
        light.flash(BlinkPattern.frameTaken());
    }

    @Override
    public void close() {
        work.shutdownNow();
        board.close();
    }
}
