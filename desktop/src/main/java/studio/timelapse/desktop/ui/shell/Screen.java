package studio.timelapse.desktop.ui.shell;

/** The screens of the main window, in the sidebar's order. */
public enum Screen {
    CAMERAS("Cameras", "Discover, pair and control cameras"),
    LIBRARY("Library", "Browse sequences and frames"),
    RENDER("Render", "Turn a sequence into a video"),
    JOBS("Jobs", "Queues, progress and how long work takes"),
    LOG("Log", "Every task as a tree: what happened and why");

    private final String title;
    private final String description;

    Screen(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
