package studio.timelapse.camera.capture.synthetic;

/**
 * The shutter time and analogue gain a frame was taken with.
 *
 * @param automatic whether the camera chose them (auto exposure), rather than the settings fixing them
 */
record Exposure(double shutterSeconds, double gain, boolean automatic) {
    /** Signal (1 = full scale) per unit of radiance per second at gain 1: noon at 1/1000 s lands near mid-grey. */
    static final double SENSITIVITY = 180;

    /** The factor from scene radiance to linear sensor signal. */
    double signalPerRadiance() {
        return shutterSeconds * gain * SENSITIVITY;
    }
}
