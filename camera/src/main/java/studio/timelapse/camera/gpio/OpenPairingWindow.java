package studio.timelapse.camera.gpio;

/**
 * What a long press of the button asks for: open the pairing window. Called once, on the button's own thread, as soon
 * as the press has lasted long enough — while the user still holds the button, so the LED can switch to the pairing
 * pattern before they let go.
 */
@FunctionalInterface
public interface OpenPairingWindow {
    void openPairingWindow();
}
