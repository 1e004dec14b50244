package studio.timelapse.camera.capture.synthetic;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import studio.timelapse.camera.capture.BackendCapabilities;
import studio.timelapse.camera.capture.CameraBackend;
import studio.timelapse.camera.capture.CaptureException;
import studio.timelapse.camera.capture.CaptureException.Kind;
import studio.timelapse.camera.capture.CaptureRequest;
import studio.timelapse.camera.capture.CaptureResult;
import studio.timelapse.camera.capture.Sleeper;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.protocol.FrameSettings;

/**
 * A camera that renders a landscape instead of photographing one: the sky brightening and darkening over the day
 * with a moving sun, stars at night, drifting clouds, sensor noise and the scene time burnt into a corner. It is the
 * agent's built-in camera for the demo and for tests.
 *
 * <p>A frame is a pure function of the seed, the slot (through the {@link SceneClock}) and the settings: the same
 * three give the same JPEG bytes. Auto exposure aims at mid-grey with a small per-frame error (flicker) and a lag;
 * locked exposure shows the light as it is, dark at night and bright at noon. {@link SyntheticFaults} make captures
 * fail, hang, write spoilt files or run slow on demand.
 *
 * <pre>{@code
 * SyntheticCamera camera = SyntheticCamera.builder(log)
 *         .sceneClock(SceneClock.dayIn(Duration.ofMinutes(2), Instant.now(), Instant.parse("2026-06-21T04:00:00Z")))
 *         .build();
 * }</pre>
 */
public final class SyntheticCamera implements CameraBackend {
    /**
     * The aperture its EXIF reports. The scene's light is in its own units, calibrated so that noon is mid-grey at
     * about 1/1000 s at gain 1: an f/4 lens puts that at EV 14, a bright day, and civil dusk near EV 9, as outdoors.
     */
    static final double LENS_F_NUMBER = 4.0;

    /** The Raspberry Pi HQ camera's full size: the largest frame this camera makes. */
    public static final int MAX_WIDTH = 4056;
    public static final int MAX_HEIGHT = 3040;
    /** The size of a frame whose settings ask for full resolution (0x0). */
    public static final int DEFAULT_WIDTH = 1920;
    public static final int DEFAULT_HEIGHT = 1080;
    private static final double DAYLIGHT_KELVIN = 5500;
    /** The size of the frames rendered to calibrate the render cost, and how many (the fastest counts). */
    private static final int CALIBRATION_WIDTH = 320;
    private static final int CALIBRATION_HEIGHT = 180;
    private static final int CALIBRATION_FRAMES = 3;

    private final ActionLog log;
    private final Clock clock;
    private final long seed;
    private final SceneClock sceneClock;
    private final Scene scene;
    private final AutoExposure autoExposure;
    private final Sensor sensor;
    private final TimestampOverlay timestamp;
    private final SyntheticFaults faults;
    private final FaultActor faultActor;
    private final JpegEncoder encoder = new JpegEncoder();
    private final RowBands bands;
    private final RenderCost renderCost;
    /** What a calibration needs to render frames like this camera's. */
    private final OptionalDouble cloudCover;
    private final double noise;
    private final int renderThreads;
    private final CountDownLatch closed = new CountDownLatch(1);
    private FrameCanvas canvas;

    private SyntheticCamera(Builder builder) {
        this.log = builder.log;
        this.clock = builder.clock;
        this.seed = builder.seed;
        this.sceneClock = builder.sceneClock;
        SunPath sunPath = builder.sunPath != null ? builder.sunPath : SunPath.simpleDay(builder.zone);
        this.scene = new Scene(builder.seed, sunPath, builder.cloudCover);
        this.autoExposure = new AutoExposure(scene, SeedHash.of(builder.seed, 5), builder.flickerStops,
                builder.exposureLag);
        this.sensor = new Sensor(SeedHash.of(builder.seed, 6), builder.noise);
        this.timestamp = builder.timestamp ? new TimestampOverlay(builder.zone) : null;
        this.faults = builder.faults;
        this.faultActor = new FaultActor(builder.clock, builder.sleeper, closed, builder.seed);
        this.bands = new RowBands(builder.renderThreads);
        this.renderCost = new RenderCost(builder.nanoTime);
        this.cloudCover = builder.cloudCover;
        this.noise = builder.noise;
        this.renderThreads = builder.renderThreads;
    }

    /** A synthetic camera logging to {@code log}; every other setting has a default. */
    public static Builder builder(ActionLog log) {
        return new Builder(log);
    }

    @Override
    public String name() {
        return "synthetic";
    }

    /** For the default frame size (full HD); {@link #capabilities(FrameSettings)} for another. */
    @Override
    public BackendCapabilities capabilities() {
        return capabilities(FrameSettings.automatic());
    }

    /**
     * With the shortest interval this camera keeps up with at that frame size, from what its frames have cost to
     * render and encode on this machine (see {@link RenderCost}); the first call before any frame calibrates.
     */
    @Override
    public BackendCapabilities capabilities(FrameSettings frame) {
        if (!renderCost.known()) {
            renderCost.calibrated(calibrate());
        }
        int width = frame.width() == 0 ? DEFAULT_WIDTH : frame.width();
        int height = frame.height() == 0 ? DEFAULT_HEIGHT : frame.height();
        return new BackendCapabilities(true, true, MAX_WIDTH, MAX_HEIGHT,
                renderCost.minInterval(width, height).toMillis());
    }

    /**
     * Nanoseconds per pixel of a few small frames rendered and encoded as a capture does, with parts of their own, so
     * that a capture running meanwhile on another thread is not disturbed and its frames stay what they would be.
     */
    private double calibrate() {
        Scene calibrationScene = new Scene(seed, scene.sunPath(), cloudCover);
        Sensor calibrationSensor = new Sensor(SeedHash.of(seed, 6), noise);
        Exposure exposure = new Exposure(1 / 250.0, 1, false);
        try (JpegEncoder calibrationEncoder = new JpegEncoder();
                RowBands calibrationBands = new RowBands(renderThreads)) {
            FrameCanvas frame = new FrameCanvas(CALIBRATION_WIDTH, CALIBRATION_HEIGHT, calibrationBands.count());
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < CALIBRATION_FRAMES; i++) {
                long start = renderCost.now();
                Instant noon = Instant.parse("2026-06-21T12:00:00Z").plusSeconds(i);
                calibrationSensor.expose(calibrationScene.frame(noon, CALIBRATION_WIDTH, CALIBRATION_HEIGHT), exposure,
                        new Rgb(1, 1, 1), false, SeedHash.of(seed, noon), frame, calibrationBands);
                calibrationEncoder.write(frame.image, 90, OutputStream.nullOutputStream());
                fastest = Math.min(fastest, renderCost.now() - start);
            }
            return (double) fastest / (CALIBRATION_WIDTH * CALIBRATION_HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("the synthetic camera could not encode a calibration frame", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the synthetic camera's render cost", e);
        }
    }

    /** The scene instant a frame for {@code slot} shows. */
    public Instant sceneTime(Instant slot) {
        return sceneClock.sceneTime(slot);
    }

    @Override
    public CaptureResult capture(CaptureRequest request, Path target) throws CaptureException, InterruptedException {
        FrameSettings settings = request.settings();
        int width = settings.width() == 0 ? DEFAULT_WIDTH : settings.width();
        int height = settings.height() == 0 ? DEFAULT_HEIGHT : settings.height();
        Instant sceneTime = sceneClock.sceneTime(request.slot());
        try (Action action = log.start("camera:synthetic:capture", "width", width, "height", height,
                "scene_time", sceneTime.toString(), "slot", request.slot().toString())) {
            try {
                CaptureResult result = take(request, width, height, sceneTime, target, action);
                action.addSuccessFields("shutter_s", result.exposure().get("shutter_s"), "gain",
                        result.exposure().get("gain"), "mean_luma", result.exposure().get("mean_luma"));
                return result;
            } catch (CaptureException e) {
                throw action.fail(e);
            } catch (InterruptedException e) {
                throw action.fail(e);
            } catch (RuntimeException e) {
                throw action.fail(e);
            }
        }
    }

    private CaptureResult take(CaptureRequest request, int width, int height, Instant sceneTime, Path target,
            Action action) throws CaptureException, InterruptedException {
        if (closed.getCount() == 0) {
            throw new CaptureException(Kind.DISCONNECTED, "the synthetic camera is closed");
        }
        if (width > MAX_WIDTH || height > MAX_HEIGHT) {
            throw new CaptureException(Kind.MISCONFIGURED, "the synthetic camera makes frames up to " + MAX_WIDTH
                    + "x" + MAX_HEIGHT + ", not " + width + "x" + height + "; ask for a smaller size");
        }
        Optional<SyntheticFaults.Fault> fault = faults.next();
        fault.ifPresent(f -> action.log("camera:synthetic:fault", "fault", f.describe()));
        if (fault.isPresent()) {
            faultActor.beforeRendering(fault.get(), request);
        }
        if (!clock.instant().isBefore(request.deadline())) {
            throw new CaptureException(Kind.TIMEOUT,
                    "the deadline " + request.deadline() + " passed before the frame was taken");
        }

        long renderStart = renderCost.now();
        FrameSettings settings = request.settings();
        Exposure exposure = autoExposure.choose(settings, sceneTime, width, height);
        Rgb whiteBalance = settings.whiteBalanceKelvin().map(SyntheticCamera::whiteBalanceGains)
                .orElse(new Rgb(1, 1, 1));
        FrameCanvas frame = canvas(width, height);
        double meanLuma = sensor.expose(scene.frame(sceneTime, width, height), exposure, whiteBalance, settings.hdr(),
                SeedHash.of(seed, sceneTime), frame, bands);
        if (timestamp != null) {
            timestamp.draw(sceneTime, frame.pixels, width, height);
        }
        byte[] exif = ExifSegment.app1(exposure.shutterSeconds(), LENS_F_NUMBER, (int) Math.round(100 * exposure.gain()));
        long bytes = write(frame, settings.jpegQuality(), exif, target, fault);
        if (fault.isEmpty()) {
            renderCost.taken(renderStart, width, height);
        }
        action.addSuccessFields("bytes", bytes);
        return new CaptureResult(clock.instant(), width, height, used(exposure, settings, meanLuma, sceneTime));
    }

    /** What the camera tells about a frame, as {@link CaptureResult#exposure()}. */
    private Map<String, Object> used(Exposure exposure, FrameSettings settings, double meanLuma, Instant sceneTime) {
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("shutter_s", exposure.shutterSeconds());
        used.put("gain", exposure.gain());
        used.put("auto_exposure", exposure.automatic());
        used.put("mean_luma", Math.round(meanLuma * 100) / 100.0);
        settings.whiteBalanceKelvin().ifPresent(kelvin -> used.put("white_balance_k", kelvin));
        used.put("hdr", settings.hdr());
        used.put("scene_time", sceneTime.toString());
        used.put("sun_altitude_deg", Math.round(scene.sun(sceneTime).altitudeDegrees() * 100) / 100.0);
        return used;
    }

    private long write(FrameCanvas frame, int quality, byte[] exif, Path target,
            Optional<SyntheticFaults.Fault> fault) throws CaptureException {
        try {
            if (fault.isPresent() && fault.get() instanceof SyntheticFaults.Corrupt corrupt) {
                ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
                encoder.write(frame.image, quality, exif, jpeg);
                byte[] spoilt = faultActor.spoil(jpeg.toByteArray(), corrupt.corruption());
                Files.write(target, spoilt);
                return spoilt.length;
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                encoder.write(frame.image, quality, exif, out);
            }
            return Files.size(target);
        } catch (IOException e) {
            throw new CaptureException(Kind.FAILED,
                    "could not write the frame to " + target + ": " + e.getMessage(), e);
        }
    }

    private FrameCanvas canvas(int width, int height) {
        if (canvas == null || !canvas.fits(width, height)) {
            canvas = null; // let a large old canvas go before the new one is allocated
            canvas = new FrameCanvas(width, height, bands.count());
        }
        return canvas;
    }

    /** Channel gains for a white balance fixed at {@code kelvin}: warmer settings turn daylight blue, and back. */
    private static Rgb whiteBalanceGains(int kelvin) {
        double ratio = kelvin / DAYLIGHT_KELVIN;
        return new Rgb(StrictMath.pow(ratio, 0.7), 1, StrictMath.pow(ratio, -0.7));
    }

    /** Nothing to reset but the faults that last until a reset. */
    @Override
    public void reset() {
        try (Action action = log.start("camera:synthetic:reset")) {
            faults.cameraReset();
        }
    }

    /** Releases the encoder; a capture hanging with {@link SyntheticFaults.Deadline#IGNORE} ends, disconnected. */
    @Override
    public void close() {
        if (closed.getCount() > 0) {
            closed.countDown();
            encoder.close();
            bands.close();
            canvas = null;
        }
    }

    /** Settings of a synthetic camera. */
    public static final class Builder {
        private final ActionLog log;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private long seed = 1;
        private SceneClock sceneClock = SceneClock.realTime();
        private ZoneId zone = ZoneOffset.UTC;
        private SunPath sunPath;
        private OptionalDouble cloudCover = OptionalDouble.empty();
        private double flickerStops = 0.1;
        private Duration exposureLag = Duration.ofMinutes(1);
        private double noise = 1;
        private boolean timestamp = true;
        private SyntheticFaults faults = new SyntheticFaults();
        private int renderThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(ActionLog log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        /** The clock deadlines are checked against and frames are dated by; the system's by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the camera waits when a fault makes it slow or hang; {@code Thread.sleep} by default. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Which landscape, stars, clouds and noise: same seed, same frames. 1 by default. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Which scene instant each slot shows; the slot itself by default. */
        public Builder sceneClock(SceneClock sceneClock) {
            this.sceneClock = Objects.requireNonNull(sceneClock, "sceneClock");
            return this;
        }

        /** The scene's time zone: its local day for the default sun, and the timestamp's offset. UTC by default. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Where the sun is when; {@link SunPath#simpleDay} in the scene's zone by default. */
        public Builder sunPath(SunPath sunPath) {
            this.sunPath = Objects.requireNonNull(sunPath, "sunPath");
            return this;
        }

        /** A fixed share of the sky under cloud, 0 (clear) to 1 (overcast); by default it changes over hours. */
        public Builder cloudCover(double cover) {
            if (!(cover >= 0 && cover <= 1)) {
                throw new IllegalArgumentException("cloud cover is 0 to 1, not " + cover);
            }
            this.cloudCover = OptionalDouble.of(cover);
            return this;
        }

        /** The largest exposure error of one auto-exposed frame, in stops (0–2); 0.1 by default, 0 for none. */
        public Builder autoExposureFlicker(double stops) {
            if (!(stops >= 0 && stops <= 2)) {
                throw new IllegalArgumentException("auto-exposure flicker is 0 to 2 stops, not " + stops);
            }
            this.flickerStops = stops;
            return this;
        }

        /** How far behind the scene auto exposure reacts, in scene time; a minute by default. */
        public Builder autoExposureLag(Duration lag) {
            if (lag.isNegative()) {
                throw new IllegalArgumentException("auto-exposure lag cannot be negative: " + lag);
            }
            this.exposureLag = lag;
            return this;
        }

        /** Sensor noise as a multiple of the natural amount (0–10): 0 for clean frames. 1 by default. */
        public Builder noise(double scale) {
            if (!(scale >= 0 && scale <= 10)) {
                throw new IllegalArgumentException("noise is 0 to 10 times the natural amount, not " + scale);
            }
            this.noise = scale;
            return this;
        }

        /** Whether the scene time is burnt into the frame; on by default. */
        public Builder timestamp(boolean on) {
            this.timestamp = on;
            return this;
        }

        /** The faults tests inject; none by default. */
        public Builder faults(SyntheticFaults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * How many threads render a frame at once (1–16); one per processor, at most four, by default. Frames are
         * the same whatever the number.
         */
        public Builder renderThreads(int threads) {
            if (threads < 1 || threads > 16) {
                throw new IllegalArgumentException("a frame renders on 1 to 16 threads, not " + threads);
            }
            this.renderThreads = threads;
            return this;
        }

        /** What render times are measured with, for the shortest interval; {@code System::nanoTime} by default. */
        public Builder nanoTime(LongSupplier ticker) {
            this.nanoTime = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public SyntheticCamera build() {
            return new SyntheticCamera(this);
        }
    }
}
