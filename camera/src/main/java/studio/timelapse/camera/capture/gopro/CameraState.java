package studio.timelapse.camera.capture.gopro;

/**
 * The two status flags that say whether the camera takes commands: System Busy (status 8: loading a preset,
 * changing a setting) and Encoding Active (status 10: taking a photo or video).
 */
record CameraState(boolean busy, boolean encoding) {
    static final String SYSTEM_BUSY = "8";
    static final String ENCODING_ACTIVE = "10";

    boolean ready() {
        return !busy && !encoding;
    }
}
