package studio.timelapse.camera.security;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import studio.timelapse.camera.pairing.PairedStudio;
import studio.timelapse.camera.pairing.PairedStudios;
import studio.timelapse.camera.pairing.PairingService;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.camera.http.HttpRefusal;

/**
 * The one place that enforces authentication. A {@code beforeMatched} handler runs before every matched route and
 * lets a request through only with a valid access token of a studio that is still paired — or when the route is
 * public. A route is public when it carries {@link Access#PUBLIC} <em>and</em> is on {@link #ALLOW_LIST}; the server
 * refuses to start if any other route carries the mark. The mark is read from the route Javalin actually matched
 * (its roles), never from the request path, so a path that a parameterised route catches cannot borrow a public
 * route's name. WebSocket upgrades are authenticated the same way and none is public.
 *
 * <p>Requests Javalin matches to no route (404) never reach a handler. {@code before} handlers (not
 * {@code beforeMatched}) run before this check: they must not do anything that needs authentication.
 */
public final class AccessControl {
    /** The mark of a public route. Only routes on {@link #ALLOW_LIST} may carry it. */
    public enum Access implements RouteRole { PUBLIC }

    /** A route: a method and a path pattern, as registered. */
    public record Route(HandlerType method, String path) {}

    /** The only routes that answer without an access token. The token endpoint checks its own proof instead. */
    public static final Set<Route> ALLOW_LIST = Set.of(
            new Route(HandlerType.GET, "/api/v1/health"),
            new Route(HandlerType.POST, PairingEndpoints.PAIRING),
            new Route(HandlerType.POST, PairingEndpoints.TOKEN));

    static final String REALM = "timelapse-camera";
    private static final String STUDIO_ATTRIBUTE = "timelapse.paired_studio";

    private final VerifiedTokens tokens;
    private final PairedStudios studios;
    private final ActionLog log;

    AccessControl(VerifiedTokens tokens, PairedStudios studios, ActionLog log) {
        this.tokens = tokens;
        this.studios = studios;
        this.log = log;
    }

    /** The studio that made this (authenticated) request. */
    public static PairedStudio studio(Context ctx) {
        PairedStudio studio = ctx.attribute(STUDIO_ATTRIBUTE);
        if (studio == null) {
            throw new IllegalStateException("no studio on a request to " + ctx.method() + " " + ctx.path()
                    + ": it is a public route, or AccessControl is not installed");
        }
        return studio;
    }

    void install(JavalinConfig config) {
        config.routes.beforeMatched(this::check);
        config.routes.wsBeforeUpgrade(this::authenticate);
        config.events.serverStarting(() -> checkPublicRoutes(config.unsafe.internalRouter.allHttpHandlers()));
    }

    private void check(Context ctx) {
        if (!ctx.routeRoles().contains(Access.PUBLIC)) {
            authenticate(ctx);
        }
    }

    private void authenticate(Context ctx) {
        try {
            ctx.attribute(STUDIO_ATTRIBUTE, studioOf(ctx.header("Authorization")));
        } catch (HttpRefusal refusal) {
            log.message("camera:access:refused", "method", ctx.method().name(), "path", ctx.path(), "client",
                    ctx.req().getRemoteAddr(), "code", refusal.refusals().get(0).code());
            throw refusal;
        }
    }

    private PairedStudio studioOf(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw HttpRefusal.unauthorized(Refusal.of(Refusal.Kind.UNAUTHENTICATED, "auth.token_missing",
                    "This request needs an access token",
                    "send Authorization: Bearer <token>, with a token from POST /api/v1/token"),
                    "Bearer realm=\"" + REALM + "\"");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw invalidToken("auth.token_invalid", "Only Bearer access tokens are accepted",
                    "send Authorization: Bearer <token>", "invalid_request");
        }
        String studioId;
        try {
            studioId = tokens.studioOf(authorization.substring(7).strip());
        } catch (AccessTokens.RejectedException e) {
            throw e.rejection() == AccessTokens.Rejection.EXPIRED
                    ? invalidToken("auth.token_expired", "The access token expired",
                            "get a new one from POST /api/v1/token", "invalid_token")
                    : invalidToken("auth.token_invalid", "The access token is not valid: " + e.getMessage(),
                            "get a new one from POST /api/v1/token", "invalid_token");
        }
        // On every request, also for a token verified before: unpairing revokes a studio's tokens at once.
        Optional<PairedStudio> studio = studios.find(studioId);
        if (studio.isEmpty()) {
            throw invalidToken("auth.studio_not_paired", "This studio is not paired with the camera (any more)",
                    "pair it again: " + PairingService.OPEN_A_WINDOW, "invalid_token");
        }
        return studio.get();
    }

    private static HttpRefusal invalidToken(String code, String reason, String remedy, String error) {
        return HttpRefusal.unauthorized(Refusal.of(Refusal.Kind.UNAUTHENTICATED, code, reason, remedy),
                "Bearer realm=\"" + REALM + "\", error=\"" + error + "\"");
    }

    /** Fails the start if a route carries the public mark without being on the allow-list. */
    static void checkPublicRoutes(List<ParsedEndpoint> endpoints) {
        for (ParsedEndpoint parsed : endpoints) {
            Roles roles = parsed.endpoint.metadata(Roles.class);
            Route route = new Route(parsed.endpoint.method, parsed.endpoint.path);
            if (roles != null && roles.getRoles().contains(Access.PUBLIC) && !ALLOW_LIST.contains(route)) {
                throw new IllegalStateException("the route " + route.method() + " " + route.path()
                        + " is marked public but is not on AccessControl's allow-list; public routes are "
                        + ALLOW_LIST);
            }
        }
    }
}
