package studio.timelapse.camera.capture;

/** A JPEG that passed {@link JpegCheck}: its frame size from the frame header, and its length in bytes. */
public record JpegInfo(int width, int height, long bytes) {}
