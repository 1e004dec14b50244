package studio.timelapse.desktop.ui.common;

import java.io.ByteArrayInputStream;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** Small view helpers every screen uses: frames as images, and tooltips that also show on disabled buttons. */
public final class Images {
    private Images() {}

    /**
     * The frame at most {@code width} wide: its thumbnail when there is one, else its file decoded scaled down in the
     * background (JavaFX decodes straight to the smaller size, so a 24-megapixel frame never sits in memory whole).
     */
    public static Image of(FrameImage frame, double width) {
        if (frame.thumbnail().isPresent()) {
            return new Image(new ByteArrayInputStream(frame.thumbnail().get()), width, 0, true, true);
        }
        return new Image(frame.file().toUri().toString(), width, 0, true, true, true);
    }

    public static Image ofJpeg(byte[] jpeg) {
        return new Image(new ByteArrayInputStream(jpeg));
    }

    /**
     * {@code control} in a wrapper whose tooltip follows {@code state}: a disabled control gets no mouse events, so its
     * own tooltip would never show the reason it is disabled.
     */
    public static StackPane explained(Node control, CommandState state) {
        control.disableProperty().bind(state.enabledProperty().not());
        StackPane wrapper = new StackPane(control);
        Tooltip tooltip = new Tooltip();
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.textProperty().bind(state.whyProperty());
        Runnable install = () -> {
            if (state.whyProperty().get().isEmpty()) {
                Tooltip.uninstall(wrapper, tooltip);
            } else {
                Tooltip.install(wrapper, tooltip);
            }
        };
        state.whyProperty().addListener((observable, before, now) -> install.run());
        install.run();
        return wrapper;
    }
}
