package studio.timelapse.camera.control;

import java.util.List;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.state.Principal;

/**
 * What the capture transitions' guards look at.
 *
 * @param principal who asks: the paired studio, the local console, or the agent itself
 * @param configProblems what is wrong with the capture configuration (empty when it is valid)
 */
public record CaptureFacts(Principal principal, List<Refusal> configProblems) {
    public CaptureFacts {
        configProblems = List.copyOf(configProblems);
    }
}
