package studio.timelapse.camera.gpio;

/**
 * What a short press of the button asks for: take a frame now. Called on the button's own thread, inside the
 * {@code camera:gpio:button_press} action, so the capture it starts joins that task: hand anything long to the
 * agent's own workers, or the button stays deaf until it returns.
 */
@FunctionalInterface
public interface CaptureNow {
    void captureNow();
}
