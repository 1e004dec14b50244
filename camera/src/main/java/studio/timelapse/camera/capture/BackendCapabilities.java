package studio.timelapse.camera.capture;

/**
 * What a backend can do, so that settings it cannot honour are refused with a reason instead of ignored.
 *
 * @param manualExposure whether shutter and gain can be fixed (needed for locked exposure and the dusk/dawn ramp)
 * @param hdr whether the camera has an HDR mode
 * @param maxWidth the largest frame width, in pixels
 * @param maxHeight the largest frame height, in pixels
 * @param minInterval the shortest start-to-start interval it can keep up with, in milliseconds
 */
public record BackendCapabilities(boolean manualExposure, boolean hdr, int maxWidth, int maxHeight, long minInterval) {}
