package studio.timelapse.desktop.render.pipeline;

/** Which JPEG decoder a render uses. */
public enum DecoderChoice {
    /** FFmpeg's where its libraries load, else ImageIO. */
    AUTO,
    /** FFmpeg's JPEG decoder from the bundled libraries: about twice as fast as ImageIO, and cheap reduced decodes. */
    FFMPEG,
    /** The JDK's ImageIO: pure Java and the JDK's own libjpeg, on every platform. */
    IMAGEIO
}
