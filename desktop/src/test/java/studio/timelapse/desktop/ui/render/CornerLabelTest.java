package studio.timelapse.desktop.ui.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import studio.timelapse.desktop.render.look.Corner;

/** The overlay's corner as the Render screen shows it. */
class CornerLabelTest {

    @Test
    void eachCornerIsNamedInWordsAndReadBack() {
        CornerLabel label = new CornerLabel();

        assertThat(label.toString(Corner.BOTTOM_RIGHT)).isEqualTo("Bottom right");
        assertThat(label.toString(Corner.TOP_LEFT)).isEqualTo("Top left");
        for (Corner corner : Corner.values()) {
            assertThat(label.toString(corner)).doesNotContain("_").isNotEqualTo(corner.name());
            assertThat(label.fromString(label.toString(corner))).isEqualTo(corner);
        }
    }
}
