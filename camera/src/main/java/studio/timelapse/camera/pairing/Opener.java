package studio.timelapse.camera.pairing;

/** The local actions that may open a pairing window. There is deliberately no network one. */
public enum Opener {
    /** The button on the camera (Pi4J). */
    BUTTON,
    /** {@code ./timelapse camera pair} on the camera's console. */
    CONSOLE
}
