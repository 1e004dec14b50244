package studio.timelapse.shared.protocol;

import java.util.Objects;

/**
 * The agent's answer to an {@link Acknowledgement}.
 *
 * @param newlyAcknowledged frames that became acknowledged by this request; 0 when they all were already (an
 *     acknowledgement may be repeated safely)
 */
public record AcknowledgementReceipt(Acknowledgement acknowledgement, long newlyAcknowledged) {
    public AcknowledgementReceipt {
        Objects.requireNonNull(acknowledgement, "acknowledgement");
    }
}
