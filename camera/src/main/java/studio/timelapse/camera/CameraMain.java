package studio.timelapse.camera;

/** Entry point of the camera agent. */
public final class CameraMain {
    private CameraMain() {}

    public static void main(String[] args) {
        System.err.println("The camera agent is not built yet.");
        System.exit(2);
    }
}
