package studio.timelapse.desktop.ui.render;

import java.nio.file.Path;

/**
 * A finished render in the list: what it rendered and how, and where the video is.
 *
 * @param settings its settings in words: "1080p, 25 fps, quality 70, deflicker 15"
 */
public record RenderRow(long id, String source, String settings, String encoder, long frames, String took,
        String finished, Path video, boolean preview, boolean exists) {}
