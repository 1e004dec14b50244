package studio.timelapse.camera.capture.synthetic;

/**
 * The light of the scene for one sun altitude: how bright and what colour the sky is at the zenith and at the
 * horizon, the glow around the sun, the sun's disc, the light falling on the ground and on clouds. Values are linear
 * radiance relative to a clear sky at noon (about 1); a moonless night is about ten thousand times darker.
 */
final class SkyLight {
    /** log10 of the sky's luminance by sun altitude: night, astronomical and civil twilight, sunset, day. */
    private static final AltitudeRamp LOG_LUMINANCE = AltitudeRamp.of(
            new double[] {-18, -4.6}, new double[] {-12, -3.9}, new double[] {-6, -2.6}, new double[] {-3, -1.7},
            new double[] {0, -1.2}, new double[] {5, -0.6}, new double[] {15, -0.2}, new double[] {30, 0},
            new double[] {50, 0.05});
    private static final AltitudeRamp ZENITH_HUE = AltitudeRamp.of(
            new double[] {-12, .30, .40, 1}, new double[] {-4, .35, .45, 1}, new double[] {0, .45, .55, 1},
            new double[] {10, .35, .55, 1}, new double[] {90, .30, .52, 1});
    private static final AltitudeRamp HORIZON_HUE = AltitudeRamp.of(
            new double[] {-14, .45, .45, .75}, new double[] {-9, .70, .45, .55}, new double[] {-5, 1, .45, .25},
            new double[] {-1, 1, .50, .20}, new double[] {2, 1, .60, .30}, new double[] {5, 1, .75, .50},
            new double[] {10, 1, .88, .75}, new double[] {25, .82, .90, 1}, new double[] {90, .78, .88, 1});
    /** How much brighter the horizon is than the zenith, and over how many degrees it gives way to the zenith. */
    private static final AltitudeRamp HORIZON_SHAPE = AltitudeRamp.of(
            new double[] {-14, 1.3, 10}, new double[] {-8, 2.0, 8}, new double[] {-3, 3.0, 7}, new double[] {0, 3.0, 7},
            new double[] {5, 2.2, 9}, new double[] {10, 1.7, 12}, new double[] {30, 1.5, 14});
    private static final AltitudeRamp GLOW_HUE = AltitudeRamp.of(
            new double[] {-6, 1, .40, .15}, new double[] {0, 1, .50, .22}, new double[] {10, 1, .82, .60},
            new double[] {40, 1, .95, .90});
    /** The glow's peak radiance as a multiple of the sky's luminance, and its width and height in degrees. */
    private static final AltitudeRamp GLOW_SHAPE = AltitudeRamp.of(
            new double[] {-18, 0, 40, 10}, new double[] {-9, 1.0, 40, 10}, new double[] {-3, 3.0, 36, 10},
            new double[] {1, 3.5, 30, 11}, new double[] {10, 1.3, 20, 15}, new double[] {30, 0.5, 16, 16});
    private static final AltitudeRamp SUN_HUE = AltitudeRamp.of(
            new double[] {-1, 1, .35, .15}, new double[] {2, 1, .50, .25}, new double[] {10, 1, .85, .62},
            new double[] {30, 1, .97, .90});
    private static final AltitudeRamp CLOUD_HUE = AltitudeRamp.of(
            new double[] {-14, .75, .72, .70}, new double[] {-8, .90, .60, .52}, new double[] {-2, 1, .62, .42},
            new double[] {5, 1, .82, .66}, new double[] {20, 1, 1, 1});
    /** Clouds against the sky: darker at night (but lit a little by the town), brighter than the sky by day. */
    private static final AltitudeRamp CLOUD_GAIN = AltitudeRamp.of(
            new double[] {-18, 0.6}, new double[] {-6, 1.0}, new double[] {0, 1.5}, new double[] {20, 2.0});
    private static final double SUN_DISC_GAIN = 60;
    private static final Rgb LAMP = new Rgb(1, .70, .35).unitLuma().times(0.012);

    final Rgb zenith;
    final Rgb horizon;
    /** Degrees above the horizon over which its colour gives way to the zenith's. */
    final double gradient;
    final Rgb glow;
    final double glowWidth;
    final double glowHeight;
    final Rgb sunDisc;
    final Rgb groundLight;
    final Rgb cloud;
    final Rgb lamp;

    SkyLight(double altitude) {
        double luminance = StrictMath.pow(10, LOG_LUMINANCE.value(altitude));
        zenith = ZENITH_HUE.rgb(altitude).unitLuma().times(luminance);
        horizon = HORIZON_HUE.rgb(altitude).unitLuma().times(luminance * HORIZON_SHAPE.value(altitude, 0));
        gradient = HORIZON_SHAPE.value(altitude, 1);
        glow = GLOW_HUE.rgb(altitude).unitLuma().times(luminance * GLOW_SHAPE.value(altitude, 0));
        glowWidth = GLOW_SHAPE.value(altitude, 1);
        glowHeight = GLOW_SHAPE.value(altitude, 2);
        Rgb sunHue = SUN_HUE.rgb(altitude).unitLuma();
        sunDisc = sunHue.times(SUN_DISC_GAIN * StrictMath.pow(10, LOG_LUMINANCE.value(Math.max(0, altitude))));
        // Direct sunlight on the ground grows with the sun's height; the sky lights it from everywhere.
        double direct = 3.5 * Math.max(0, StrictMath.sin(Math.toRadians(altitude)));
        groundLight = zenith.times(0.6).plus(horizon.times(0.4)).plus(sunHue.times(luminance * direct));
        cloud = CLOUD_HUE.rgb(altitude).unitLuma().times(luminance * CLOUD_GAIN.value(altitude));
        lamp = altitude < -3 ? LAMP : Rgb.BLACK;
    }
}
