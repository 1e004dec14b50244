package studio.timelapse.desktop.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/**
 * Something that went wrong, as a screen shows it: what failed, every reason with its remedy, and the task whose
 * tree tells the whole story ("why?").
 *
 * @param summary one line: what could not be done
 * @param reasons each reason, with its remedy when there is one ({@link Refusal#describe()})
 * @param taskUuid the task that logged the failure, when there is one
 * @param refusals the refusals themselves, when it was refused (an editor puts each next to its field)
 */
public record Problem(String summary, List<String> reasons, Optional<String> taskUuid, List<Refusal> refusals) {

    public Problem {
        Objects.requireNonNull(summary, "summary");
        reasons = List.copyOf(reasons);
        taskUuid = taskUuid == null ? Optional.empty() : taskUuid;
        refusals = List.copyOf(refusals);
    }

    public Problem(String summary, List<String> reasons, Optional<String> taskUuid) {
        this(summary, reasons, taskUuid, List.of());
    }

    /** A failure of {@code what}: a refusal's reasons and remedies, or any other exception's message. */
    public static Problem of(String what, Throwable failure, Optional<String> taskUuid) {
        if (failure instanceof RefusedException refused) {
            return new Problem(what, refused.refusals().stream().map(Refusal::describe).toList(), taskUuid,
                    refused.refusals());
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new Problem(what, List.of(message), taskUuid);
    }

    /** The summary and the reasons on one line, for a status bar. */
    public String oneLine() {
        return reasons.isEmpty() ? summary : summary + ": " + String.join("; ", reasons);
    }
}
