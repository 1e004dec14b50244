package studio.timelapse.desktop.sequences;

/**
 * A sequence's lifecycle: {@code ACTIVE} (ready: shown, renderable) and {@code ARCHIVED} (kept, out of the way) are
 * its working states; deleting one passes through {@code DELETING} to {@code DELETED}. State names are stored:
 * renaming a constant needs a migration.
 */
public enum SequenceState {
    INITIALISING, ACTIVE, ARCHIVED, DELETING, DELETED, FAILED
}
