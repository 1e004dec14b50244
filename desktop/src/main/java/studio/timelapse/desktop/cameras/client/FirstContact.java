package studio.timelapse.desktop.cameras.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.AgentHealth;
import studio.timelapse.shared.protocol.pairing.PairingRequest;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.tls.CertificateFingerprint;

/**
 * Talking to an agent before it is paired: nothing is pinned yet, so the connection trusts whatever certificate the
 * agent presents and remembers its fingerprint ({@link #observedFingerprint()}), for a person to compare with the one
 * the camera shows next to its pairing code. Only the public routes are used: {@code GET /api/v1/health} and the
 * pairing handshake, whose answer must name the very certificate this connection saw.
 */
public final class FirstContact {
    private final AgentAddress address;
    private final ActionLog log;
    private final AgentTransport transport;
    private final Duration timeout;

    private FirstContact(AgentAddress address, ActionLog log, Duration timeout) {
        this.address = address;
        this.log = log;
        this.timeout = timeout;
        this.transport = new AgentTransport("camera at " + address, address, Optional.empty(), timeout,
                ProtocolJson.mapper());
    }

    public static FirstContact at(AgentAddress address, ActionLog log) {
        return new FirstContact(Objects.requireNonNull(address, "address"), Objects.requireNonNull(log, "log"),
                Duration.ofSeconds(10));
    }

    public AgentAddress address() {
        return address;
    }

    /** {@code GET /api/v1/health}: whether a camera agent answers here, which one and which version. */
    public AgentHealth health() throws IOException {
        AgentTransport.Call call = AgentTransport.Call.get("/api/v1/health", timeout);
        return exchange(call, response -> transport.read(call, response, AgentHealth.class));
    }

    /** The fingerprint of the certificate the agent presented on this connection, once it connected. */
    public Optional<CertificateFingerprint> observedFingerprint() {
        return transport.lastSeenCertificate();
    }

    /**
     * The pairing handshake ({@code POST /api/v1/pairing}) with the code the camera shows. The agent's answer must
     * name the certificate this connection saw; anything else means another device sits between us, and the pairing
     * is refused here.
     *
     * @throws AgentRefusedException the agent's refusal: no window open (409), a wrong code (403, with the attempts
     *     left), too many attempts (429)
     * @throws CertificateMismatchException the answer names another certificate than the one presented
     */
    public PairingResponse pair(String code, String studioName, StudioIdentity identity) throws IOException {
        PairingRequest request = new PairingRequest(code, studioName, identity.publicKeyPem());
        AgentTransport.Call call = new AgentTransport.Call("POST", "/api/v1/pairing", Optional.empty(),
                Optional.of(transport.write(request)), Map.of(), timeout);
        PairingResponse response = exchange(call, answer -> transport.read(call, answer, PairingResponse.class));
        CertificateFingerprint seen = observedFingerprint().orElseThrow(() -> new IllegalStateException(
                "a TLS connection without a server certificate"));
        CertificateFingerprint claimed;
        try {
            claimed = CertificateFingerprint.parse(response.certificateFingerprint());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AgentFailedException("The camera at " + address + " answered the pairing with an unreadable"
                    + " certificate fingerprint", 0, Optional.empty(), Optional.empty(), e);
        }
        if (!claimed.equals(seen)) {
            throw new CertificateMismatchException(address, seen, claimed);
        }
        return response;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(HttpResponse<InputStream> response) throws IOException;
    }

    private <T> T exchange(AgentTransport.Call call, Reader<T> reader) throws IOException {
        try (Action action = log.start("studio:camera:request", "camera", address.toString(), "method",
                call.method(), "path", call.path())) {
            try {
                HttpResponse<InputStream> response = transport.send(call, action.serializeTaskId(), Optional.empty());
                action.addSuccessFields("status", response.statusCode());
                observedFingerprint().ifPresent(seen -> action.addSuccessFields("fingerprint", seen.shortForm()));
                return reader.read(response);
            } catch (IOException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }
}
