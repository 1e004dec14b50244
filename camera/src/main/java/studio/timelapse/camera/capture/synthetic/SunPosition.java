package studio.timelapse.camera.capture.synthetic;

/**
 * Where the sun is in the scene's sky.
 *
 * @param altitudeDegrees above the horizon; negative below it (-6° ends civil twilight, -18° astronomical)
 * @param azimuthDegrees clockwise from north: 90 east, 180 south (the middle of the frame), 270 west
 */
public record SunPosition(double altitudeDegrees, double azimuthDegrees) {
    public SunPosition {
        if (!(altitudeDegrees >= -90 && altitudeDegrees <= 90)) {
            throw new IllegalArgumentException("the sun's altitude is -90 to 90 degrees, was " + altitudeDegrees);
        }
        if (!Double.isFinite(azimuthDegrees)) {
            throw new IllegalArgumentException("the sun's azimuth must be a finite number, was " + azimuthDegrees);
        }
    }
}
