package studio.timelapse.desktop.render.look;

/** How a viewport moves between keyframes. */
public enum Easing {
    /** At constant speed from key to key, with a jolt at each. */
    LINEAR,
    /** Starts and stops at every keyframe (cubic ease-in-out): a move, a rest, a move. */
    EASE_IN_OUT,
    /**
     * Through every keyframe without stopping (a Catmull-Rom spline, with the tangents spaced by the keys' times), and
     * easing in at the first and out at the last: one continuous camera move.
     */
    SMOOTH
}
