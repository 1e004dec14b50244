package studio.timelapse.camera.capture.synthetic;

/** A linear-light colour (radiance, albedo or a channel gain), for per-frame lighting; pixels use plain floats. */
record Rgb(double r, double g, double b) {
    static final Rgb BLACK = new Rgb(0, 0, 0);

    /** Rec. 709 luminance of linear values. */
    double luma() {
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    Rgb times(double factor) {
        return new Rgb(r * factor, g * factor, b * factor);
    }

    Rgb times(Rgb other) {
        return new Rgb(r * other.r, g * other.g, b * other.b);
    }

    Rgb plus(Rgb other) {
        return new Rgb(r + other.r, g + other.g, b + other.b);
    }

    /** This colour scaled to a luminance of 1, so that a ramp of hues and a ramp of brightness stay separate. */
    Rgb unitLuma() {
        double luma = luma();
        return luma > 0 ? times(1 / luma) : this;
    }
}
