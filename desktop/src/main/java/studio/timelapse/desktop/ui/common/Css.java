package studio.timelapse.desktop.ui.common;

/**
 * The AtlantaFX style classes the studio uses. AtlantaFX 2.1.0's classes are compiled for Java 21, so on our Java 17
 * we use its themes' stylesheets (plain CSS resources in its jar) and name their style classes here.
 */
public final class Css {
    public static final String ACCENT = "accent";
    public static final String SUCCESS = "success";
    public static final String WARNING = "warning";
    public static final String DANGER = "danger";
    public static final String FLAT = "flat";
    public static final String SMALL = "small";
    public static final String LARGE = "large";
    public static final String BUTTON_OUTLINED = "button-outlined";
    public static final String BUTTON_ICON = "button-icon";
    public static final String DENSE = "dense";
    public static final String STRIPED = "striped";
    public static final String EDGE_TO_EDGE = "edge-to-edge";
    public static final String TITLE_2 = "title-2";
    public static final String TITLE_3 = "title-3";
    public static final String TITLE_4 = "title-4";
    public static final String TEXT_SMALL = "text-small";
    public static final String TEXT_BOLD = "text-bold";
    public static final String TEXT_MUTED = "text-muted";
    public static final String TEXT_CAPTION = "text-caption";
    public static final String ELEVATED_1 = "elevated-1";

    private Css() {}
}
