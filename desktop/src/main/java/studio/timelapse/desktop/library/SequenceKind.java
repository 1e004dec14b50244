package studio.timelapse.desktop.library;

/** How a sequence came to be. */
public enum SequenceKind {
    /** A camera's stream: every frame synced from it. One per camera, created with the camera. */
    CAMERA,
    /** One import: every frame it brought in. */
    IMPORT,
    /** Defined by the user with rules over other sequences' frames. */
    DEFINED
}
