package studio.timelapse.desktop.ui.render;

/**
 * Ready-made settings for common videos; choosing one fills the size, rate, quality and framing, which stay editable.
 *
 * @param size a size preset label of the render pipeline (480p … 2160p, original)
 * @param crop fill the frame and crop what does not fit, rather than show bars
 */
public record RenderPreset(String name, String size, double fps, int quality, boolean crop) {
    public static final java.util.List<RenderPreset> ALL = java.util.List.of(
            new RenderPreset("Full HD, 25 fps", "1080p", 25, 70, false),
            new RenderPreset("Full HD, 30 fps", "1080p", 30, 70, false),
            new RenderPreset("4K UHD, 30 fps, high quality", "2160p", 30, 85, false),
            new RenderPreset("HD 720p for the web, 30 fps", "720p", 30, 60, false),
            new RenderPreset("Quick draft, 480p", "480p", 25, 50, false),
            new RenderPreset("Full frame, the camera's own size", "original", 25, 80, false));

    @Override
    public String toString() {
        return name;
    }
}
