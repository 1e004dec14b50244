package studio.timelapse.desktop.ui.render;

/**
 * Deflicker's before and after, as the render would apply it: each frame's measured brightness, and the brightness
 * it is brought to; with the mean frame-to-frame step of each (how much it flickers).
 */
public record DeflickerCurves(double[] before, double[] after, double stepBefore, double stepAfter, int unmeasured) {}
