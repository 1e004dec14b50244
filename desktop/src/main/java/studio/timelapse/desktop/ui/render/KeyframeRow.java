package studio.timelapse.desktop.ui.render;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import studio.timelapse.desktop.render.RenderRequest;

/**
 * One crop/pan/zoom keyframe being edited: when in the video (0 = first frame, 1 = last), where the view is centred
 * (fractions of the frame) and how far it is zoomed (1 = the whole frame in the output's shape).
 */
public final class KeyframeRow {
    private final DoubleProperty time = new SimpleDoubleProperty(this, "time");
    private final DoubleProperty centreX = new SimpleDoubleProperty(this, "centreX", 0.5);
    private final DoubleProperty centreY = new SimpleDoubleProperty(this, "centreY", 0.5);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);

    KeyframeRow(double time, double centreX, double centreY, double zoom) {
        this.time.set(time);
        this.centreX.set(centreX);
        this.centreY.set(centreY);
        this.zoom.set(zoom);
    }

    public DoubleProperty timeProperty() {
        return time;
    }

    public DoubleProperty centreXProperty() {
        return centreX;
    }

    public DoubleProperty centreYProperty() {
        return centreY;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    RenderRequest.ViewportStop stop() {
        return new RenderRequest.ViewportStop(time.get(), centreX.get(), centreY.get(), zoom.get());
    }
}
