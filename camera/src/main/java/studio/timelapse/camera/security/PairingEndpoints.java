package studio.timelapse.camera.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import studio.timelapse.camera.pairing.PairedStudio;
import studio.timelapse.camera.pairing.PairedStudios;
import studio.timelapse.camera.pairing.PairingService;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.pairing.PairingRequest;
import studio.timelapse.shared.protocol.pairing.PairingResponse;
import studio.timelapse.shared.protocol.pairing.TokenProof;
import studio.timelapse.shared.protocol.pairing.TokenRequest;
import studio.timelapse.shared.protocol.pairing.TokenResponse;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;
import studio.timelapse.shared.tls.CertificateFingerprint;
import studio.timelapse.camera.http.HttpRefusal;
import studio.timelapse.camera.pairing.ThrottledException;

/**
 * The pairing handshake ({@code POST /api/v1/pairing}, public), the token exchange ({@code POST /api/v1/token},
 * public, with its own proof check) and unpairing by the studio ({@code DELETE /api/v1/pairing}, authenticated).
 * Nothing here opens a pairing window: only local actions do.
 */
final class PairingEndpoints {
    static final String PAIRING = "/api/v1/pairing";
    static final String TOKEN = "/api/v1/token";
    private static final String PROOF_SCHEME = "TimelapseProof";

    private final PairingService pairing;
    private final PairedStudios studios;
    private final ProofChallenges challenges;
    private final AccessTokens tokens;
    private final AgentIdentity identity;
    private final ActionLog log;
    private final JsonBodies bodies = new JsonBodies();

    PairingEndpoints(PairingService pairing, PairedStudios studios, ProofChallenges challenges, AccessTokens tokens,
            AgentIdentity identity, ActionLog log) {
        this.pairing = pairing;
        this.studios = studios;
        this.challenges = challenges;
        this.tokens = tokens;
        this.identity = identity;
        this.log = log;
    }

    void install(JavalinConfig config) {
        config.routes.post(PAIRING, this::pair, AccessControl.Access.PUBLIC);
        config.routes.post(TOKEN, this::token, AccessControl.Access.PUBLIC);
        config.routes.delete(PAIRING, this::unpair);
    }

    private void pair(Context ctx) {
        PairingRequest request = bodies.read(ctx, PairingRequest.class);
        PairedStudio studio;
        try {
            studio = pairing.pair(request, ctx.req().getRemoteAddr());
        } catch (ThrottledException e) {
            throw HttpRefusal.withStatus(429, e.refusals(), Map.of("Retry-After", Long.toString(e.retryAfterSeconds())));
        } catch (RefusedException e) {
            throw HttpRefusal.of(e);
        }
        CertificateFingerprint fingerprint = identity.fingerprint();
        ctx.status(201).json(new PairingResponse(studio.studioId(), identity.agentId(), fingerprint.colonHex(),
                fingerprint.shortForm(), challenges.issue(studio.studioId())));
    }

    private void token(Context ctx) {
        // No body or no studio is a request without credentials (401), like a request without a bearer token.
        TokenRequest request = bodies.readIfAny(ctx, TokenRequest.class)
                .filter(asked -> asked.studioId() != null && !asked.studioId().isBlank())
                .orElseThrow(() -> HttpRefusal.unauthorized(Refusal.of(Refusal.Kind.UNAUTHENTICATED, "token.proof_missing",
                        "The token request names no studio and carries no proof",
                        "send {studioId, challenge, proof} as docs/camera-agent.md describes"),
                        PROOF_SCHEME + " realm=\"" + AccessControl.REALM + "\""));
        String studioId = request.studioId();
        log.run("camera:token:issue", Map.of("studio_id", studioId, "client", ctx.req().getRemoteAddr()), action -> {
            Optional<PairedStudio> studio = studios.find(studioId);
            if (studio.isEmpty()) {
                throw HttpRefusal.unauthorized(Refusal.of(Refusal.Kind.UNAUTHENTICATED, "auth.studio_not_paired",
                        "This studio is not paired with the camera (any more)",
                        "pair it again: " + PairingService.OPEN_A_WINDOW), PROOF_SCHEME + " realm=\""
                        + AccessControl.REALM + "\"");
            }
            // Used up before the signature is checked: a challenge is good for one try, right or wrong.
            if (!challenges.consume(studioId, request.challenge())) {
                throw proofNeeded(studioId, "token.challenge_required",
                        "The token request needs a fresh challenge from this camera, signed with the studio's key");
            }
            TokenProof proof = new TokenProof(identity.fingerprint().colonHex(), studioId, request.challenge());
            if (!proof.verify(studio.get().publicKey(), request.proof())) {
                throw proofNeeded(studioId, "token.proof_invalid",
                        "The proof is not signed with the key this studio paired with");
            }
            AccessTokens.Issued issued = tokens.issue(studioId);
            action.addSuccessFields("expires_at", issued.expiresAt().toString());
            ctx.json(new TokenResponse(issued.token(), "Bearer", tokens.lifetime().toSeconds(),
                    challenges.issue(studioId)));
        });
    }

    /** 401 with a fresh challenge, in the body's details and in {@code WWW-Authenticate}. */
    private HttpRefusal proofNeeded(String studioId, String code, String reason) {
        String challenge = challenges.issue(studioId);
        return HttpRefusal.unauthorized(Refusal.of(Refusal.Kind.UNAUTHENTICATED, code, reason,
                "sign the challenge in details with the studio's key (TokenProof) and ask again")
                .withDetails(Map.of("challenge", challenge)),
                PROOF_SCHEME + " realm=\"" + AccessControl.REALM + "\", challenge=\"" + challenge + "\"");
    }

    private void unpair(Context ctx) {
        PairedStudio studio = AccessControl.studio(ctx);
        pairing.unpair(studio.studioId(), PairingService.UnpairedBy.STUDIO, "the studio unpaired itself");
        challenges.forget(studio.studioId());
        ctx.status(204);
    }
}
