package studio.timelapse.camera.exposure;

/** A shutter time and a gain; {@link #stops()} is the total light they gather, in stops (log2 of shutter × gain). */
public record Exposure(double shutterSeconds, double gain) {
    public double stops() {
        return Math.log(shutterSeconds * gain) / Math.log(2);
    }
}
