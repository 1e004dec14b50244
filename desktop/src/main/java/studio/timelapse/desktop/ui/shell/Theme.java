package studio.timelapse.desktop.ui.shell;

/** The window's looks: AtlantaFX's flat themes, light and dark. */
public enum Theme {
    LIGHT("Light", false),
    DARK("Dark", true),
    NORD_LIGHT("Nord light", false),
    NORD_DARK("Nord dark", true);

    private final String title;
    private final boolean dark;

    Theme(String title, boolean dark) {
        this.title = title;
        this.dark = dark;
    }

    public String title() {
        return title;
    }

    public boolean dark() {
        return dark;
    }
}
