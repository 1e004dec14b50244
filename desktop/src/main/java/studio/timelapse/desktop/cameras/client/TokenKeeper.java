package studio.timelapse.desktop.cameras.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.pairing.TokenProof;
import studio.timelapse.shared.protocol.pairing.TokenRequest;
import studio.timelapse.shared.protocol.pairing.TokenResponse;

/**
 * The access token for one agent: fetched when there is none, renewed before it expires by the studio's own clock
 * (only durations are compared, so the camera's clock may be years off), and dropped when the agent refuses it.
 * Each request signs the agent's last single-use challenge with the studio key; when the agent no longer knows that
 * challenge (it restarted, or we have none yet) its 401 carries a fresh one, which is signed and sent once more.
 *
 * <p>Synchronized: a challenge is good for one request, so two threads must never ask at once.
 */
final class TokenKeeper {
    /** Refusal codes that a new token cures. */
    static boolean renewable(AgentRefusedException refused) {
        return refused.status() == 401 && (refused.hasCode("auth.token_expired")
                || refused.hasCode("auth.token_invalid") || refused.hasCode("auth.token_missing"));
    }

    /** Posts a token request to the agent's {@code POST /api/v1/token}. */
    @FunctionalInterface
    interface Endpoint {
        TokenResponse post(TokenRequest request) throws IOException;
    }

    private final PairedAgent agent;
    private final StudioIdentity identity;
    private final Clock clock;
    private final ActionLog log;
    private final Endpoint endpoint;
    private String token;
    private Instant renewAt = Instant.MIN;
    private String challenge;

    TokenKeeper(PairedAgent agent, StudioIdentity identity, Clock clock, ActionLog log, Endpoint endpoint,
            Optional<String> firstChallenge) {
        this.agent = agent;
        this.identity = identity;
        this.clock = clock;
        this.log = log;
        this.endpoint = endpoint;
        this.challenge = firstChallenge.orElse("");
    }

    /** A token the agent should accept now: the current one, or a new one. */
    synchronized String token() throws IOException {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        token = null;
        try (Action action = log.start("studio:camera:token", "camera", agent.cameraId(), "studio_id",
                agent.studioId())) {
            Instant asked = clock.instant();
            TokenResponse response;
            try {
                response = ask(challenge, action);
            } catch (IOException e) {
                challenge = ""; // whatever it was, it is used up
                throw action.fail(e);
            } catch (RuntimeException e) {
                challenge = "";
                throw action.fail(e);
            }
            Duration lifetime = Duration.ofSeconds(Math.max(1, response.expiresInSeconds()));
            // Renew a little early, so that a request does not leave with a token that expires on the way.
            Duration margin = lifetime.dividedBy(5).compareTo(Duration.ofMinutes(1)) < 0 ? lifetime.dividedBy(5)
                    : Duration.ofMinutes(1);
            token = Objects.requireNonNull(response.accessToken(), "accessToken");
            renewAt = asked.plus(lifetime).minus(margin);
            challenge = response.nextChallenge() == null ? "" : response.nextChallenge();
            action.addSuccessFields("expires_in_s", response.expiresInSeconds(), "renew_at", renewAt.toString());
            return token;
        }
    }

    /** Adopts a token obtained elsewhere, to be used until {@code renewAt} (by the studio's clock). */
    synchronized void remember(String adopted, Instant renewAtInstant) {
        token = Objects.requireNonNull(adopted, "adopted");
        renewAt = Objects.requireNonNull(renewAtInstant, "renewAt");
    }

    /** The agent refused {@code used}: the next {@link #token()} gets a new one (unless another thread did). */
    synchronized void discard(String used) {
        if (used.equals(token)) {
            token = null;
        }
    }

    private TokenResponse ask(String toSign, Action action) throws IOException {
        try {
            return endpoint.post(signed(toSign));
        } catch (AgentRefusedException refused) {
            Optional<String> fresh = refused.refusals().stream().map(r -> r.details().get("challenge"))
                    .filter(String.class::isInstance).map(String.class::cast).findFirst();
            if (refused.status() != 401 || fresh.isEmpty()) {
                throw refused;
            }
            action.log("studio:camera:token_challenge", "code", refused.code());
            return endpoint.post(signed(fresh.get()));
        }
    }

    private TokenRequest signed(String toSign) {
        TokenProof proof = new TokenProof(agent.fingerprint().colonHex(), agent.studioId(), toSign);
        return new TokenRequest(agent.studioId(), toSign, identity.sign(proof));
    }
}
