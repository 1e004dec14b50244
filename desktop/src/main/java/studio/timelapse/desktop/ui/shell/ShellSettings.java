package studio.timelapse.desktop.ui.shell;

import java.util.Optional;

/**
 * What the window remembers between runs.
 *
 * @param placement empty until the window was closed once: then the system places it
 */
public record ShellSettings(Theme theme, Screen screen, Optional<WindowPlacement> placement) {

    public ShellSettings {
        theme = theme == null ? Theme.LIGHT : theme;
        screen = screen == null ? Screen.CAMERAS : screen;
        placement = placement == null ? Optional.empty() : placement;
    }

    public static ShellSettings defaults() {
        return new ShellSettings(Theme.LIGHT, Screen.CAMERAS, Optional.empty());
    }

    public ShellSettings withTheme(Theme newTheme) {
        return new ShellSettings(newTheme, screen, placement);
    }

    public ShellSettings withScreen(Screen newScreen) {
        return new ShellSettings(theme, newScreen, placement);
    }

    public ShellSettings withPlacement(WindowPlacement newPlacement) {
        return new ShellSettings(theme, screen, Optional.of(newPlacement));
    }
}
