package studio.timelapse.desktop.render.encode.mp4;

import java.io.IOException;

/** An MP4 file that is damaged, unfinished, or not the kind we read (one H.264 track at a constant rate). */
public final class Mp4FormatException extends IOException {
    public Mp4FormatException(String message) {
        super(message);
    }

    public Mp4FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
