package studio.timelapse.desktop;

/** Entry point of the studio. */
public final class StudioMain {
    private StudioMain() {}

    public static void main(String[] args) {
        System.err.println("The studio is not built yet.");
        System.exit(2);
    }
}
