package studio.timelapse.desktop.ui.library;

import studio.timelapse.desktop.library.SequenceKind;
import studio.timelapse.desktop.sequences.SequenceState;

/** A sequence in the Library screen's list. */
public record SequenceItem(long id, String name, SequenceKind kind, SequenceState state, long frames) {

    /** "camera", "import" or "defined", with "archived" when it is. */
    public String describe() {
        String kindWords = switch (kind) {
            case CAMERA -> "camera";
            case IMPORT -> "import";
            case DEFINED -> "defined";
        };
        return kindWords + (state == SequenceState.ARCHIVED ? ", archived" : "") + " · " + frames + " frames";
    }
}
