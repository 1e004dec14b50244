package studio.timelapse.desktop.cameras.client;

import java.io.IOException;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * During pairing, the agent's answer named another certificate than the one its connection presented: something
 * between the studio and the camera is answering in its place. Nothing is pinned or stored.
 */
public final class CertificateMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient CertificateFingerprint presented;
    private final transient CertificateFingerprint claimed;

    CertificateMismatchException(AgentAddress address, CertificateFingerprint presented,
            CertificateFingerprint claimed) {
        super("The camera at " + address + " presented the certificate " + presented.shortForm() + " but its pairing"
                + " answer names " + claimed.shortForm() + ": another device may be answering in its place. Nothing"
                + " was paired; connect the studio directly to the camera's network and try again.");
        this.presented = presented;
        this.claimed = claimed;
    }

    public CertificateFingerprint presented() {
        return presented;
    }

    public CertificateFingerprint claimed() {
        return claimed;
    }
}
