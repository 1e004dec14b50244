package studio.timelapse.desktop.ui.library;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import studio.timelapse.desktop.library.Daylight;

/**
 * The sequence as a strip across the window: day and night as bands behind (as the library judges each frame), the
 * frames' mean luminance as a curve, rejected frames as red ticks at the bottom, and the current frame as a line.
 * Clicking or dragging picks a frame. Drawn per pixel column, so 100,000 frames draw as fast as 1,000.
 */
final class TimelineView extends Region {
    private static final Color DAY = Color.web("#f6d365", 0.35);
    private static final Color NIGHT = Color.web("#1e2a4a", 0.35);
    private static final Color CURVE = Color.web("#2f81f7");
    private static final Color REJECTED = Color.web("#cf222e");
    private static final Color CURRENT = Color.web("#d4a72c");

    private final LibraryViewModel viewModel;
    private final Canvas canvas = new Canvas();

    TimelineView(LibraryViewModel viewModel) {
        this.viewModel = viewModel;
        setId("timeline");
        getChildren().add(canvas);
        setMinHeight(80);
        setPrefHeight(110);
        viewModel.stripVersionProperty().addListener((o, b, n) -> draw());
        viewModel.currentProperty().addListener((o, b, n) -> draw());
        canvas.setOnMousePressed(event -> pick(event.getX()));
        canvas.setOnMouseDragged(event -> pick(event.getX()));
    }

    private void pick(double x) {
        int size = viewModel.strip().size();
        if (size > 0) {
            viewModel.show((int) Math.max(0, Math.min(size - 1, Math.floor(x / canvas.getWidth() * size))));
        }
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        FrameStrip strip = viewModel.strip();
        int size = strip.size();
        int columns = (int) Math.floor(width);
        if (size == 0 || columns < 1) {
            return;
        }
        double curveTop = 6;
        double curveHeight = height - 16;
        double previousY = Double.NaN;
        for (int x = 0; x < columns; x++) {
            int from = (int) ((long) x * size / columns);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * size / columns));
            int day = 0;
            int night = 0;
            double lumaSum = 0;
            int measured = 0;
            boolean rejected = false;
            for (int i = from; i < to && i < size; i++) {
                Daylight.Verdict verdict = strip.daylight(i);
                if (verdict == Daylight.Verdict.DAY) {
                    day++;
                } else if (verdict == Daylight.Verdict.NIGHT) {
                    night++;
                }
                float luma = strip.meanLuma(i);
                if (!Float.isNaN(luma)) {
                    lumaSum += luma;
                    measured++;
                }
                rejected |= strip.rejected(i);
            }
            if (day + night > 0) {
                g.setFill(day >= night ? DAY : NIGHT);
                g.fillRect(x, 0, 1, height);
            }
            if (rejected) {
                g.setFill(REJECTED);
                g.fillRect(x, height - 6, 1, 6);
            }
            if (measured > 0) {
                double y = curveTop + curveHeight * (1 - lumaSum / measured / 255.0);
                g.setStroke(CURVE);
                g.setLineWidth(1.5);
                if (!Double.isNaN(previousY)) {
                    g.strokeLine(x - 1, previousY, x, y);
                }
                previousY = y;
            } else {
                previousY = Double.NaN;
            }
        }
        int current = viewModel.currentProperty().get();
        if (current >= 0 && current < size) {
            double x = (current + 0.5) * width / size;
            g.setStroke(CURRENT);
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, height);
        }
    }
}
