package studio.timelapse.desktop.render.encode.jcodec;

import studio.timelapse.desktop.render.encode.FrameRate;

/**
 * The track clock for a frame rate: about 10,000 ticks per second, a whole number per frame (25 fps: 10,000 and 400;
 * 30000/1001: 30,000 and 1,001), fine enough for editors that retime and exact for the rate itself.
 */
record Mp4Clock(int timescale, int frameDuration) {

    static Mp4Clock of(FrameRate rate) {
        int ticksPerUnit = Math.max(1, 10_000 / rate.frames());
        return new Mp4Clock(rate.frames() * ticksPerUnit, rate.seconds() * ticksPerUnit);
    }
}
