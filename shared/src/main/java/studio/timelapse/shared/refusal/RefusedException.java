package studio.timelapse.shared.refusal;

import java.util.List;
import studio.timelapse.shared.actionlog.ExpectedFailure;

/** Thrown when a command is refused; carries every reason, so a caller can show all of them at once. */
public class RefusedException extends RuntimeException implements ExpectedFailure {
    private static final long serialVersionUID = 1L;

    private final transient List<Refusal> refusals;

    public RefusedException(List<Refusal> refusals) {
        super(describe(refusals));
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one reason");
        }
        this.refusals = List.copyOf(refusals);
    }

    public RefusedException(Refusal refusal) {
        this(List.of(refusal));
    }

    public List<Refusal> refusals() {
        return refusals;
    }

    /** The HTTP status for the whole answer: the first refusal's. */
    public int httpStatus() {
        return refusals.get(0).kind().httpStatus();
    }

    private static String describe(List<Refusal> refusals) {
        return String.join("; ", refusals.stream().map(Refusal::describe).toList());
    }
}
