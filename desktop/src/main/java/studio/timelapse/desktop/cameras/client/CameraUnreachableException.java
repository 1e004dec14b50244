package studio.timelapse.desktop.cameras.client;

import java.io.IOException;

/**
 * The studio could not talk to a camera agent at all: no route, connection refused or cut, a timeout, or a TLS
 * handshake that failed — including a certificate other than the one pinned at pairing ({@link #wrongCertificate()}).
 * The message says which camera, which request and what failed.
 */
public final class CameraUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean wrongCertificate;

    CameraUnreachableException(String message, boolean wrongCertificate, Throwable cause) {
        super(message, cause);
        this.wrongCertificate = wrongCertificate;
    }

    /** The camera answered with a certificate that is not the pinned one: pair again, or another device is there. */
    public boolean wrongCertificate() {
        return wrongCertificate;
    }
}
