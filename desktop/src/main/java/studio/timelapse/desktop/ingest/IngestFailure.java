package studio.timelapse.desktop.ingest;

import java.util.Objects;

/**
 * A frame that could not be analysed, and why: the file is gone or unreadable, is not a JPEG, ends early, holds
 * damaged image data, or uses a JPEG flavour nothing here decodes. A batch records it against the frame and goes on.
 */
public final class IngestFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What sort of failure, stable for flags and counts; {@link #reason()} says the specifics. */
    public enum Kind {
        /** The file could not be read at all (missing, no permission, an I/O error). */
        UNREADABLE,
        /** The bytes are not a JPEG image. */
        NOT_JPEG,
        /** The image data stops before the last row of the image. */
        TRUNCATED,
        /** The image data is damaged. */
        CORRUPT,
        /** A valid JPEG of a kind the studio cannot decode (arithmetic coding, lossless, CMYK, 12-bit, …). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String reason;

    public IngestFailure(Kind kind, String reason) {
        this(kind, reason, null);
    }

    public IngestFailure(Kind kind, String reason, Throwable cause) {
        super(kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Kind kind() {
        return kind;
    }

    /** One sentence for a person: "the image data ends after 62% of the image". */
    public String reason() {
        return reason;
    }
}
