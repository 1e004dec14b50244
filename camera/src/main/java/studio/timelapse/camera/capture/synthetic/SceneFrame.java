package studio.timelapse.camera.capture.synthetic;

import java.util.Arrays;

/**
 * The scene at one instant and one frame size, rendered a row at a time as linear radiance: the sky's gradient and
 * the glow around the sun, clouds, the stars and the sun's disc behind them, and the land in front. Everything a
 * pixel needs that does not change along a row or a column is worked out once per row or column, so the inner loops
 * mostly add and multiply. Read-only once built: bands of rows may render on several threads at once.
 */
final class SceneFrame {
    private static final Rgb FAR_HILL = new Rgb(0.06, 0.08, 0.07);
    private static final Rgb NEAR_HILL = new Rgb(0.09, 0.13, 0.04);
    private static final Rgb WALL = new Rgb(0.55, 0.50, 0.42);
    private static final Rgb ROOF = new Rgb(0.30, 0.10, 0.08);
    private static final Rgb WINDOW = new Rgb(0.05, 0.06, 0.08);
    private static final Rgb TRUNK = new Rgb(0.12, 0.08, 0.05);
    private static final Rgb CROWN = new Rgb(0.05, 0.10, 0.03);
    /** How much the far hills fade into the horizon's colour through the haze. */
    private static final double HAZE = 0.35;
    /** The haze's brightness against the horizon's: the hills stay a silhouette against a bright sunset. */
    private static final double HAZE_GLOW = 0.3;
    private static final double SUN_RADIUS_DEGREES = 1.6;
    /** Cloud texture units per unit of distance on the cloud layer; a cloud is about a quarter of a unit. */
    private static final double CLOUD_SCALE = 0.5;
    private static final double SECOND_LAYER_SCALE = 1.3;
    /** Texture units per unit of distance on the ground. */
    private static final double GROUND_SCALE = 0.6;
    private static final double GROUND_TURN = Math.toRadians(37);
    /** Reciprocals of the density over the threshold at which a cloud is opaque, and at which it is thickest. */
    private static final float PER_CLOUD_EDGE = 1 / 0.06f;
    private static final float PER_CLOUD_THICK = 1 / 0.25f;
    /** How much of the sun's glow lights the clouds near it. */
    private static final float CLOUD_GLOW = 0.6f;
    /** The most pixels, and the most texels, between two samples of a texture along a row. */
    private static final int LONGEST_STEP = 16;
    private static final double TEXELS_PER_STEP = 4;
    /** Keeps texture coordinates positive. */
    private static final double TEXEL_OFFSET = CloudField.SIZE * 256.0;

    private final SceneLayout layout;
    private final SkyLight light;
    private final double sunAltitude;
    private final double sunX;
    private final double sunY;
    private final double sunRadius;
    private final Rgb sunDisc;
    private final float[] glowAcross;
    /** Texels per unit of distance on the cloud layer or the ground, across and along each column's direction. */
    private final float[] sideways;
    private final float[] ahead;
    /** The same for the ground, turned so the texture's grid does not line up with the rows. */
    private final float[] groundU;
    private final float[] groundV;
    private final CloudField clouds;
    private final float cloudThreshold;
    private final double[] wind;
    private final double starDrift;
    private final long twinkleSeed;
    private final float[] materialRed = new float[SceneLayout.MATERIALS];
    private final float[] materialGreen = new float[SceneLayout.MATERIALS];
    private final float[] materialBlue = new float[SceneLayout.MATERIALS];

    /**
     * @param cloudCover the share of the sky under cloud, 0–1
     * @param wind the two cloud layers' offsets in texture units: u1, v1, u2, v2
     * @param starDrift degrees the stars have turned west
     */
    SceneFrame(SceneLayout layout, SunPosition sun, CloudField clouds, double cloudCover, double[] wind,
            double starDrift, long twinkleSeed) {
        this.layout = layout;
        this.light = new SkyLight(sun.altitudeDegrees());
        this.sunAltitude = sun.altitudeDegrees();
        double sunAzimuth = aroundSouth(sun.azimuthDegrees());
        this.sunX = layout.x(sunAzimuth);
        this.sunY = layout.y(sunAltitude);
        double radius = SUN_RADIUS_DEGREES * layout.pixelsPerDegree;
        // Below about a pixel the disc keeps its flux and grows no smaller, so small frames meter the same light.
        this.sunRadius = Math.max(0.7, radius);
        this.sunDisc = light.sunDisc.times(radius * radius / (sunRadius * sunRadius));
        this.clouds = clouds;
        this.cloudThreshold = cloudCover <= 0 ? Float.POSITIVE_INFINITY : clouds.threshold(cloudCover);
        this.wind = wind.clone();
        this.starDrift = starDrift;
        this.twinkleSeed = twinkleSeed;

        glowAcross = new float[layout.width];
        sideways = new float[layout.width];
        ahead = new float[layout.width];
        groundU = new float[layout.width];
        groundV = new float[layout.width];
        double glowVariance = 2 * light.glowWidth * light.glowWidth;
        for (int x = 0; x < layout.width; x++) {
            double fromSun = aroundSouth(layout.columnAzimuth[x] - sunAzimuth + 180);
            glowAcross[x] = (float) StrictMath.exp(-fromSun * fromSun / glowVariance);
            double azimuth = Math.toRadians(layout.columnAzimuth[x]);
            sideways[x] = (float) (StrictMath.sin(azimuth) * CloudField.SIZE);
            ahead[x] = (float) (StrictMath.cos(azimuth) * CloudField.SIZE);
            groundU[x] = (float) (StrictMath.sin(azimuth + GROUND_TURN) * CloudField.SIZE);
            groundV[x] = (float) (StrictMath.cos(azimuth + GROUND_TURN) * CloudField.SIZE);
        }
        Rgb ground = light.groundLight;
        Rgb haze = light.horizon.times(HAZE * HAZE_GLOW);
        setMaterial(SceneLayout.FAR_HILL, FAR_HILL.times(ground).times(1 - HAZE).plus(haze));
        setMaterial(SceneLayout.NEAR_HILL, NEAR_HILL.times(ground));
        setMaterial(SceneLayout.WALL, WALL.times(ground));
        setMaterial(SceneLayout.ROOF, ROOF.times(ground));
        setMaterial(SceneLayout.WINDOW, WINDOW.times(ground).plus(light.lamp));
        setMaterial(SceneLayout.TRUNK, TRUNK.times(ground));
        setMaterial(SceneLayout.CROWN, CROWN.times(ground));
    }

    int width() {
        return layout.width;
    }

    int height() {
        return layout.height;
    }

    /** Renders row {@code y} into {@code row}. */
    void renderRow(int y, RowBuffer row) {
        layout.materials(y, row.material);
        if (y < layout.skyRows) {
            double elevation = layout.elevation(y);
            double dy = elevation - sunAltitude;
            float glowDown = (float) StrictMath.exp(-dy * dy / (2 * light.glowHeight * light.glowHeight));
            skyAndClouds(elevation, glowDown, row);
            stars(y, row);
            sunDisc(y, row);
        }
        if (y >= layout.landFrom) {
            land(y, row);
        }
    }

    /**
     * The sky's gradient and glow, and clouds on a flat layer overhead: far away (and small) near the horizon, where
     * they fade into haze. Leaves each sky pixel's cloud cover in {@code row.cloudCover}, for the stars and the sun
     * behind. Cloud density is smooth at the scale of a pixel, so it is sampled every few pixels and interpolated.
     */
    private void skyAndClouds(double elevation, float glowDown, RowBuffer row) {
        double toZenith = 1 - StrictMath.exp(-Math.max(0, elevation) / light.gradient);
        float skyRed = (float) (light.horizon.r() + (light.zenith.r() - light.horizon.r()) * toZenith);
        float skyGreen = (float) (light.horizon.g() + (light.zenith.g() - light.horizon.g()) * toZenith);
        float skyBlue = (float) (light.horizon.b() + (light.zenith.b() - light.horizon.b()) * toZenith);
        float glowRed = (float) light.glow.r() * glowDown;
        float glowGreen = (float) light.glow.g() * glowDown;
        float glowBlue = (float) light.glow.b() * glowDown;
        boolean cloudy = cloudThreshold != Float.POSITIVE_INFINITY && elevation > 0.3;
        float fade = cloudy ? (float) smooth((elevation - 0.3) / 8) : 0;
        double distance = cloudy ? 1 / (StrictMath.tan(Math.toRadians(elevation)) + 0.1) : 0;
        float u1 = (float) (wind[0] * CloudField.SIZE + TEXEL_OFFSET);
        float v1 = (float) (wind[1] * CloudField.SIZE + TEXEL_OFFSET);
        float u2 = (float) (wind[2] * CloudField.SIZE + TEXEL_OFFSET);
        float v2 = (float) (wind[3] * CloudField.SIZE + TEXEL_OFFSET);
        float scale1 = (float) (distance * CLOUD_SCALE);
        float scale2 = (float) (distance * CLOUD_SCALE * SECOND_LAYER_SCALE);
        float cloudRed = (float) light.cloud.r();
        float cloudGreen = (float) light.cloud.g();
        float cloudBlue = (float) light.cloud.b();
        float threshold = cloudThreshold;
        byte[] material = row.material;
        float[] red = row.red;
        float[] green = row.green;
        float[] blue = row.blue;
        float[] cover = row.cloudCover;
        int width = layout.width;
        // The clear sky across the whole row, in a loop simple enough to vectorise; the land paints over its part.
        for (int x = 0; x < width; x++) {
            float glow = glowAcross[x];
            red[x] = skyRed + glowRed * glow;
            green[x] = skyGreen + glowGreen * glow;
            blue[x] = skyBlue + glowBlue * glow;
            cover[x] = 0;
        }
        if (!cloudy) {
            return;
        }
        float[] densities = row.texture;
        sampleAlong(densities, sampleStep(scale2), x -> cloudDensity(x, u1, v1, scale1, u2, v2, scale2));
        for (int x = 0; x < width; x++) {
            float over = densities[x] - threshold;
            if (over <= 0 || material[x] > SceneLayout.EDGE) {
                continue;
            }
            float edge = Math.min(1, over * PER_CLOUD_EDGE);
            float alpha = edge * edge * (3 - 2 * edge) * fade;
            float shade = 1.1f - 0.4f * Math.min(1, over * PER_CLOUD_THICK);
            float lit = CLOUD_GLOW * glowAcross[x];
            red[x] += (cloudRed * shade + glowRed * lit - red[x]) * alpha;
            green[x] += (cloudGreen * shade + glowGreen * lit - green[x]) * alpha;
            blue[x] += (cloudBlue * shade + glowBlue * lit - blue[x]) * alpha;
            cover[x] = alpha;
        }
    }

    private void stars(int y, RowBuffer row) {
        for (int i = layout.starStart[y]; i < layout.starStart[y + 1]; i++) {
            int x = (int) Math.floor(layout.x(aroundSouth(layout.starAzimuth[i] + starDrift)));
            if (x >= 0 && x < layout.width && row.material[x] == SceneLayout.SKY) {
                float twinkle = (float) (0.7 + 0.6 * SeedHash.unit(SeedHash.of(twinkleSeed, i)));
                float radiance = layout.starRadiance[i] * twinkle * (1 - row.cloudCover[x]);
                row.red[x] += radiance * 0.9f;
                row.green[x] += radiance;
                row.blue[x] += radiance * 1.1f;
            }
        }
    }

    private void sunDisc(int y, RowBuffer row) {
        double dy = y + 0.5 - sunY;
        if (Math.abs(dy) >= sunRadius + 1) {
            return;
        }
        int from = Math.max(0, (int) Math.floor(sunX - sunRadius - 1));
        int to = Math.min(layout.width, (int) Math.ceil(sunX + sunRadius + 1));
        for (int x = from; x < to; x++) {
            double dx = x + 0.5 - sunX;
            double visible = Math.min(1, sunRadius + 0.5 - Math.sqrt(dx * dx + dy * dy)) * (1 - row.cloudCover[x]);
            if (visible > 0 && row.material[x] <= SceneLayout.EDGE) {
                row.red[x] += (float) (sunDisc.r() * visible);
                row.green[x] += (float) (sunDisc.g() * visible);
                row.blue[x] += (float) (sunDisc.b() * visible);
            }
        }
    }

    /** The land, with fields and meadows textured in perspective: larger patches nearer the camera. */
    private void land(int y, RowBuffer row) {
        double elevation = layout.elevation(y);
        // Below the horizon, the meadow's distance; above it, on the far ridge, only a broad variation.
        double depth = elevation < 0 ? 1 / (StrictMath.tan(Math.toRadians(-elevation)) + 0.05) : 3 + 0.5 * elevation;
        float scale = (float) (depth * GROUND_SCALE);
        float offset = (float) TEXEL_OFFSET;
        // Where pixels would skip over the texture's detail, it would alias into stripes: it fades to an even tone.
        double texelsPerPixel = texelsPerPixel(scale);
        float contrast = (float) Math.max(0, Math.min(1, 2 - texelsPerPixel));
        float nearContrast = 0.6f * contrast;
        float nearBase = 1 - nearContrast / 2;
        float farContrast = 0.16f * contrast;
        float farBase = 1 - farContrast / 2;
        byte[] material = row.material;
        byte[] edgeTerrain = layout.edgeTerrain;
        float[] edgeCoverage = layout.edgeCoverage;
        float[] red = row.red;
        float[] green = row.green;
        float[] blue = row.blue;
        float nearRed = materialRed[SceneLayout.NEAR_HILL];
        float nearGreen = materialGreen[SceneLayout.NEAR_HILL];
        float nearBlue = materialBlue[SceneLayout.NEAR_HILL];
        int width = layout.width;
        float[] textures = row.texture;
        if (contrast > 0) {
            sampleAlong(textures, sampleStep(scale), x -> groundTexture(x, offset, scale));
        } else {
            Arrays.fill(textures, 0, width, 0.5f);
        }
        for (int x = 0; x < width; x++) {
            int m = material[x];
            if (m == SceneLayout.NEAR_HILL) {
                float shade = nearBase + nearContrast * textures[x];
                red[x] = nearRed * shade;
                green[x] = nearGreen * shade;
                blue[x] = nearBlue * shade;
            } else if (m == SceneLayout.FAR_HILL || m == SceneLayout.EDGE) {
                int terrain = m == SceneLayout.EDGE ? edgeTerrain[x] : m;
                float shade = terrain == SceneLayout.NEAR_HILL ? nearBase + nearContrast * textures[x]
                        : farBase + farContrast * textures[x];
                float cover = m == SceneLayout.EDGE ? edgeCoverage[x] : 1;
                red[x] += (materialRed[terrain] * shade - red[x]) * cover;
                green[x] += (materialGreen[terrain] * shade - green[x]) * cover;
                blue[x] += (materialBlue[terrain] * shade - blue[x]) * cover;
            } else if (m != SceneLayout.SKY) {
                red[x] = materialRed[m];
                green[x] = materialGreen[m];
                blue[x] = materialBlue[m];
            }
        }
    }

    /** A texture's value at a column of the row being rendered. */
    @FunctionalInterface
    private interface TextureAlongRow {
        float at(int x);
    }

    /**
     * Fills {@code out} with a texture along the row, sampled every {@code step} pixels and interpolated in between:
     * textures are smooth at the scale of a pixel, and a sample costs far more than an interpolation.
     */
    private void sampleAlong(float[] out, int step, TextureAlongRow texture) {
        int width = layout.width;
        float next = texture.at(0);
        for (int from = 0; from < width; from += step) {
            int end = Math.min(from + step, width);
            int sampled = Math.min(end, width - 1);
            float value = next;
            float slope = 0;
            if (sampled > from) {
                next = texture.at(sampled);
                slope = (next - value) / (sampled - from);
            }
            for (int x = from; x < end; x++) {
                out[x] = value + slope * (x - from);
            }
        }
    }

    /**
     * How many pixels apart a texture at {@code scale} (texture units per unit of distance) may be sampled: a few
     * texels, well within its finest features (eight texels across), so interpolating in between loses nothing.
     */
    private int sampleStep(float scale) {
        return (int) Math.max(1, Math.min(LONGEST_STEP, TEXELS_PER_STEP / texelsPerPixel(scale)));
    }

    /** How far a texture at {@code scale} moves from one pixel to the next, at most, in texels. */
    private double texelsPerPixel(double scale) {
        return scale * CloudField.SIZE * Math.toRadians(1) / layout.pixelsPerDegree;
    }

    private float cloudDensity(int x, float u1, float v1, float scale1, float u2, float v2, float scale2) {
        float side = sideways[x];
        float along = ahead[x];
        return clouds.density(u1 + side * scale1, v1 + along * scale1, u2 + side * scale2, v2 + along * scale2);
    }

    private float groundTexture(int x, float offset, float scale) {
        return clouds.sample(offset + groundU[x] * scale, offset + groundV[x] * scale);
    }

    private void setMaterial(byte material, Rgb radiance) {
        materialRed[material] = (float) radiance.r();
        materialGreen[material] = (float) radiance.g();
        materialBlue[material] = (float) radiance.b();
    }

    /** An azimuth as degrees from south, in [-180, 180). */
    private static double aroundSouth(double azimuth) {
        double fromSouth = (azimuth - 180) % 360;
        if (fromSouth < -180) {
            fromSouth += 360;
        } else if (fromSouth >= 180) {
            fromSouth -= 360;
        }
        return fromSouth;
    }

    private static double smooth(double t) {
        double clamped = Math.max(0, Math.min(1, t));
        return clamped * clamped * (3 - 2 * clamped);
    }
}
