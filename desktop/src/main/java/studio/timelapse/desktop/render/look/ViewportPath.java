package studio.timelapse.desktop.render.look;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A keyframed crop, pan and zoom: the viewport at any moment of the render, interpolated between keyframes.
 *
 * <p>The centre moves along a cubic Hermite curve per {@link Easing}; the zoom is interpolated the same way on its
 * logarithm, so that zooming from 1 to 4 passes 2 halfway and feels even. Before the first keyframe and after the last
 * the viewport holds still. The region is clamped last, so the view never leaves the frame even where a spline
 * overshoots, and always has the output's aspect ratio.
 */
public final class ViewportPath {
    private final List<ViewportKeyframe> keys;
    private final Easing easing;

    private ViewportPath(List<ViewportKeyframe> keys, Easing easing) {
        this.keys = keys;
        this.easing = easing;
    }

    public static ViewportPath of(Easing easing, List<ViewportKeyframe> keyframes) {
        Objects.requireNonNull(easing, "easing");
        if (keyframes.isEmpty()) {
            throw new IllegalArgumentException("a viewport path needs at least one keyframe");
        }
        List<ViewportKeyframe> sorted = new ArrayList<>(keyframes);
        sorted.sort(Comparator.comparingDouble(ViewportKeyframe::time));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).time() == sorted.get(i - 1).time()) {
                throw new IllegalArgumentException("two keyframes at time " + sorted.get(i).time());
            }
        }
        return new ViewportPath(List.copyOf(sorted), easing);
    }

    public static ViewportPath of(Easing easing, ViewportKeyframe... keyframes) {
        return of(easing, List.of(keyframes));
    }

    public List<ViewportKeyframe> keyframes() {
        return keys;
    }

    public Easing easing() {
        return easing;
    }

    /** The region shown at frame {@code position} of {@code frames}. */
    public Region regionAtFrame(int position, int frames, double sourceAspect, double outputAspect) {
        double time = frames <= 1 ? 0 : (double) position / (frames - 1);
        return viewportAt(time).region(sourceAspect, outputAspect);
    }

    /** The viewport at {@code time} (0–1), before clamping. */
    public Viewport viewportAt(double time) {
        if (time <= keys.get(0).time()) {
            return keys.get(0).viewport();
        }
        int last = keys.size() - 1;
        if (time >= keys.get(last).time()) {
            return keys.get(last).viewport();
        }
        int segment = 0;
        while (keys.get(segment + 1).time() < time) {
            segment++;
        }
        ViewportKeyframe from = keys.get(segment);
        ViewportKeyframe to = keys.get(segment + 1);
        double span = to.time() - from.time();
        double t = (time - from.time()) / span;
        double x = interpolate(segment, t, span, key -> key.viewport().centreX());
        double y = interpolate(segment, t, span, key -> key.viewport().centreY());
        double logZoom = interpolate(segment, t, span, key -> Math.log(key.viewport().zoom()));
        return new Viewport(x, y, Math.exp(logZoom));
    }

    private interface Coordinate {
        double of(ViewportKeyframe key);
    }

    /** Cubic Hermite between keys {@code segment} and {@code segment + 1}, at {@code t} (0–1) of the segment. */
    private double interpolate(int segment, double t, double span, Coordinate coordinate) {
        double p0 = coordinate.of(keys.get(segment));
        double p1 = coordinate.of(keys.get(segment + 1));
        if (easing == Easing.LINEAR) {
            return p0 + (p1 - p0) * t;
        }
        // Tangents per unit of time, scaled to the segment; zero tangents make the cubic ease-in-out.
        double m0 = easing == Easing.SMOOTH ? tangent(segment, coordinate) * span : 0;
        double m1 = easing == Easing.SMOOTH ? tangent(segment + 1, coordinate) * span : 0;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * p0 + (t3 - 2 * t2 + t) * m0 + (-2 * t3 + 3 * t2) * p1 + (t3 - t2) * m1;
    }

    /** Catmull-Rom's tangent at an inner key (the slope between its neighbours); zero at the first and last key. */
    private double tangent(int key, Coordinate coordinate) {
        if (key == 0 || key == keys.size() - 1) {
            return 0;
        }
        ViewportKeyframe before = keys.get(key - 1);
        ViewportKeyframe after = keys.get(key + 1);
        return (coordinate.of(after) - coordinate.of(before)) / (after.time() - before.time());
    }
}
