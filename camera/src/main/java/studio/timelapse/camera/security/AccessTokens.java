package studio.timelapse.camera.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The agent's access tokens: JWTs signed by the agent's own key, for one paired studio, valid for minutes.
 *
 * <p>Header {@code alg ES256}, {@code typ at+jwt}, {@code kid} = the agent id; claims {@code iss} = the agent id,
 * {@code aud} = the agent id + {@code /api}, {@code sub} = the studio id, {@code iat}, {@code nbf}, {@code exp},
 * {@code jti}. Verification pins the algorithm: the verifier holds only ES256 with the agent's public key, so
 * {@code alg: none}, HMAC signed with the public key and every other algorithm are refused before any signature
 * check; issuer, audience, key id and type must match exactly; times have no leeway — the agent is the only clock
 * involved. Whether the studio is still paired is the caller's check (a token outlives nothing that was revoked).
 */
public final class AccessTokens {
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    private static final String TYPE = "at+jwt";

    /** Why a token was refused: said in the 401 answer, so that a studio knows to refresh rather than re-pair. */
    public enum Rejection { MALFORMED, EXPIRED, NOT_YET_VALID, INVALID }

    /** A token was refused. */
    public static final class RejectedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Rejection rejection;

        RejectedException(Rejection rejection, String message) {
            super(message);
            this.rejection = rejection;
        }

        public Rejection rejection() {
            return rejection;
        }
    }

    /** A fresh token and when it expires. */
    public record Issued(String token, Instant expiresAt) {}

    /**
     * A token that verified: the studio it was issued to, and the instants between which it verifies — from its
     * {@code nbf} (or {@code exp} minus the lifetime, if later) up to, not including, its {@code exp}.
     */
    public record Verified(String studioId, Instant validFrom, Instant validUntil) {
        /** Whether the token would still verify at {@code now}, as far as time goes. */
        public boolean validAt(Instant now) {
            return !now.isBefore(validFrom) && now.isBefore(validUntil);
        }
    }

    /** Checks a token completely: signature, issuer, audience, key id, type and times. */
    @FunctionalInterface
    interface Verifier {
        Verified verify(String token) throws RejectedException;
    }

    private final Clock clock;
    private final Duration lifetime;
    private final String issuer;
    private final String audience;
    private final Algorithm signing;
    private final JWTVerifier verifier;

    public AccessTokens(AgentIdentity identity, Clock clock, Duration lifetime) {
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("access tokens live 1 s to 1 h, not " + lifetime);
        }
        this.clock = clock;
        this.lifetime = lifetime;
        this.issuer = identity.agentId();
        this.audience = identity.agentId() + "/api";
        this.signing = Algorithm.ECDSA256(identity.publicKey(), identity.privateKey());
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.ECDSA256(identity.publicKey(), null))
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("sub")
                .withClaimPresence("iat")
                .withClaimPresence("nbf")
                .withClaimPresence("exp")
                .acceptLeeway(0))
                .build(clock);
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Issued issue(String studioId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetime);
        String token = JWT.create()
                .withHeader(Map.of("typ", TYPE))
                .withKeyId(issuer)
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(studioId)
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(expiresAt)
                .withJWTId(UUID.randomUUID().toString())
                .sign(signing);
        return new Issued(token, expiresAt);
    }

    /**
     * Checks a token and returns the studio it was issued to, with when it verifies.
     *
     * @throws RejectedException with why, for the 401 answer
     */
    public Verified verify(String token) throws RejectedException {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new RejectedException(Rejection.EXPIRED, "the access token expired at " + e.getExpiredOn());
        } catch (IncorrectClaimException e) {
            if ("nbf".equals(e.getClaimName())) {
                throw new RejectedException(Rejection.NOT_YET_VALID, "the access token is not valid yet");
            }
            throw new RejectedException(Rejection.INVALID, "the access token was not issued by this camera");
        } catch (JWTDecodeException e) {
            throw new RejectedException(Rejection.MALFORMED, "the access token is not a JWT");
        } catch (JWTVerificationException e) {
            throw new RejectedException(Rejection.INVALID, "the access token was not issued by this camera");
        }
        if (!issuer.equals(jwt.getKeyId()) || !TYPE.equals(jwt.getType())) {
            throw new RejectedException(Rejection.INVALID, "the access token was not issued by this camera");
        }
        // Present is not enough: java-jwt skips a time claim that is null, and a token outliving its lifetime was
        // not made by issue().
        if (jwt.getSubject() == null || jwt.getIssuedAt() == null || jwt.getNotBefore() == null
                || jwt.getExpiresAt() == null
                || jwt.getExpiresAt().toInstant().isAfter(clock.instant().plus(lifetime))) {
            throw new RejectedException(Rejection.INVALID, "the access token lacks a time or lives too long");
        }
        Instant notBefore = jwt.getNotBefore().toInstant();
        Instant expiresAt = jwt.getExpiresAt().toInstant();
        Instant lifetimeStart = expiresAt.minus(lifetime);
        return new Verified(jwt.getSubject(), notBefore.isAfter(lifetimeStart) ? notBefore : lifetimeStart,
                expiresAt);
    }
}
