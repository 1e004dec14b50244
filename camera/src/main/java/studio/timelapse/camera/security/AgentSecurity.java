package studio.timelapse.camera.security;

import io.javalin.config.JavalinConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import studio.timelapse.camera.pairing.PairedStudios;
import studio.timelapse.camera.pairing.PairingService;
import studio.timelapse.camera.pairing.PairingTables;
import studio.timelapse.camera.pairing.PairingWindows;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.db.SqliteDatabase;
import studio.timelapse.shared.process.LocalProcess;
import studio.timelapse.camera.http.HttpRefusal;

/**
 * The agent's security, built once at start-up and applied to its Javalin app with one call:
 *
 * <pre>{@code
 * AgentSecurity security = AgentSecurity.builder(home.root().resolve("identity"), db, log).build();
 * Javalin app = Javalin.create(config -> {
 *     security.install(config, "0.0.0.0", 8443);     // HTTPS only, access control, pairing and token routes
 *     config.routes.get("/api/v1/health", health, AccessControl.Access.PUBLIC);
 *     config.routes.get("/api/v1/frames", frames);    // authenticated: AccessControl.studio(ctx) is the caller
 * }).start();
 * button.onPress(() -> security.pairingWindows().open(Opener.BUTTON));   // local actions open the window
 * }</pre>
 */
public final class AgentSecurity {
    private final AgentIdentity identity;
    private final PairingWindows windows;
    private final PairedStudios studios;
    private final PairingService pairing;
    private final ProofChallenges challenges;
    private final CipherOrder cipherOrder;
    private final ActionLog log;
    private final VerifiedTokens verifiedTokens;
    private final AccessControl accessControl;
    private final PairingEndpoints endpoints;

    private AgentSecurity(Builder builder) {
        PairingTables.migrate(builder.db);
        this.identity = AgentIdentity.loadOrCreate(builder.identityFolder, builder.hostName, builder.clock,
                builder.log);
        this.windows = new PairingWindows(builder.db, builder.log, builder.clock, builder.random,
                builder.windowLength);
        this.studios = new PairedStudios(builder.db);
        this.pairing = new PairingService(builder.db, builder.log, builder.clock, windows);
        this.challenges = new ProofChallenges(builder.clock, builder.random);
        AccessTokens tokens = new AccessTokens(identity, builder.clock, builder.tokenLifetime);
        this.verifiedTokens = new VerifiedTokens(tokens::verify, builder.clock, builder.tokenCacheSize);
        this.accessControl = new AccessControl(verifiedTokens, studios, builder.log);
        this.cipherOrder = builder.cipherOrder;
        this.log = builder.log;
        this.endpoints = new PairingEndpoints(pairing, studios, challenges, tokens, identity, builder.log);
    }

    /** @param identityFolder where the agent's key and certificate live: {@code <agent home>/identity} */
    public static Builder builder(Path identityFolder, SqliteDatabase db, ActionLog log) {
        return new Builder(identityFolder, db, log);
    }

    /**
     * Serves the app over HTTPS only on {@code host:port}, enforces authentication on every route but the public
     * ones, and adds the pairing and token routes.
     */
    public void install(JavalinConfig config, String host, int port) {
        AgentTls.addHttpsConnector(config, identity, cipherOrder, host, port);
        log.message("camera:tls:cipher_order", "first", cipherOrder.first().name(), "reason", cipherOrder.reason());
        config.routes.exception(HttpRefusal.class, (refusal, ctx) -> refusal.answer(ctx));
        accessControl.install(config);
        endpoints.install(config);
    }

    public AgentIdentity identity() {
        return identity;
    }

    /** Where the button handler and the console command open the pairing window. */
    public PairingWindows pairingWindows() {
        return windows;
    }

    public PairedStudios studios() {
        return studios;
    }

    /** The cipher family the agent's TLS offers first, and why. */
    CipherOrder cipherOrder() {
        return cipherOrder;
    }

    /** The tokens verified so far, remembered until they expire. */
    VerifiedTokens verifiedTokens() {
        return verifiedTokens;
    }

    /** Unpairs a studio from the camera's side (the console): its tokens fail from the next request on. */
    public boolean unpair(String studioId, String why) {
        boolean removed = pairing.unpair(studioId, PairingService.UnpairedBy.LOCAL, why);
        challenges.forget(studioId);
        return removed;
    }

    /** Builds {@link AgentSecurity}; everything but the folder, database and log has a default. */
    public static final class Builder {
        private final Path identityFolder;
        private final SqliteDatabase db;
        private final ActionLog log;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private String hostName = LocalProcess.hostName();
        private Duration tokenLifetime = AccessTokens.DEFAULT_LIFETIME;
        private Duration windowLength = PairingWindows.LONGEST;
        private int tokenCacheSize = VerifiedTokens.DEFAULT_CAPACITY;
        private CipherOrder cipherOrder;

        private Builder(Path identityFolder, SqliteDatabase db, ActionLog log) {
            this.identityFolder = Objects.requireNonNull(identityFolder, "identityFolder");
            this.db = Objects.requireNonNull(db, "db");
            this.log = Objects.requireNonNull(log, "log");
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /** Goes into a new certificate's names. */
        public Builder hostName(String hostName) {
            this.hostName = hostName;
            return this;
        }

        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /** At most {@link PairingWindows#LONGEST}. */
        public Builder windowLength(Duration windowLength) {
            this.windowLength = windowLength;
            return this;
        }

        /** How many verified tokens are remembered (the least recently used are forgotten first). */
        Builder tokenCacheSize(int tokenCacheSize) {
            this.tokenCacheSize = tokenCacheSize;
            return this;
        }

        /** Which cipher family TLS offers first; by default, what suits this JVM ({@link CipherOrder#forThisJvm}). */
        Builder cipherOrder(CipherOrder cipherOrder) {
            this.cipherOrder = cipherOrder;
            return this;
        }

        /**
         * Migrates the pairing tables and loads (or on the first start makes) the agent's identity.
         *
         * @throws IdentityUnreadableException if the identity folder exists but cannot be used
         */
        public AgentSecurity build() {
            if (cipherOrder == null) {
                cipherOrder = CipherOrder.forThisJvm();
            }
            return new AgentSecurity(this);
        }
    }
}
