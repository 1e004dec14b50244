package studio.timelapse.shared.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AppHomeTest {

    @Nested
    class OnLinux {
        private final Path home = Path.of("/home/ann");

        private AppHome homes(Map<String, String> environment) {
            return new AppHome(environment, "Linux", home);
        }

        @Test
        void studioLivesInTheXdgDataFolder() {
            assertThat(homes(Map.of()).studio().root()).isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
        }

        @Test
        void xdgDataHomeMovesTheStudioAndTheAgent() {
            AppHome homes = homes(Map.of("XDG_DATA_HOME", "/data"));

            assertThat(homes.studio().root()).isEqualTo(Path.of("/data/timelapse-studio"));
            assertThat(homes.agent(AgentLaunch.BY_HAND).root()).isEqualTo(Path.of("/data/timelapse-camera"));
        }

        @Test
        void aRelativeOrEmptyXdgDataHomeIsIgnoredAsTheSpecSays() {
            assertThat(homes(Map.of("XDG_DATA_HOME", "data")).studio().root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
            assertThat(homes(Map.of("XDG_DATA_HOME", "")).studio().root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
        }

        @Test
        void agentStartedByHandLivesInTheUsersDataFolder() {
            assertThat(homes(Map.of()).agent(AgentLaunch.BY_HAND).root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-camera"));
        }

        @Test
        void agentRunningAsAServiceLivesInVarLib() {
            assertThat(homes(Map.of()).agent(AgentLaunch.SERVICE).root())
                    .isEqualTo(Path.of("/var/lib/timelapse-camera"));
        }
    }

    @Nested
    class OnMacOs {
        private final AppHome homes = new AppHome(Map.of("XDG_DATA_HOME", "/data"), "Mac OS X", Path.of("/Users/ann"));

        @Test
        void studioLivesInApplicationSupportWhateverXdgSays() {
            assertThat(homes.studio().root())
                    .isEqualTo(Path.of("/Users/ann/Library/Application Support/Timelapse Studio"));
        }

        @Test
        void agentLivesInTheUsersOrTheMachinesApplicationSupport() {
            assertThat(homes.agent(AgentLaunch.BY_HAND).root())
                    .isEqualTo(Path.of("/Users/ann/Library/Application Support/Timelapse Camera"));
            assertThat(homes.agent(AgentLaunch.SERVICE).root())
                    .isEqualTo(Path.of("/Library/Application Support/Timelapse Camera"));
        }
    }

    @Nested
    class OnWindows {
        // Windows paths are built with the same Path calls the code makes, so this runs on any machine.
        private final Path appData = Path.of("C:\\Users\\ann\\AppData\\Roaming");
        private final Path userHome = Path.of("C:\\Users\\ann");

        @Test
        void studioAndAgentLiveInAppdata() {
            AppHome homes = new AppHome(Map.of("APPDATA", appData.toString()), "Windows 11", userHome);

            assertThat(homes.studio().root()).isEqualTo(appData.resolve("Timelapse Studio"));
            assertThat(homes.agent(AgentLaunch.BY_HAND).root()).isEqualTo(appData.resolve("Timelapse Camera"));
        }

        @Test
        void variableNamesIgnoreCaseAsWindowsDoes() {
            AppHome homes = new AppHome(Map.of("AppData", appData.toString()), "Windows 10", userHome);

            assertThat(homes.studio().root()).isEqualTo(appData.resolve("Timelapse Studio"));
        }

        @Test
        void withoutAppdataTheRoamingFolderUnderTheUserHomeIsUsed() {
            AppHome homes = new AppHome(Map.of(), "Windows 11", userHome);

            assertThat(homes.studio().root())
                    .isEqualTo(userHome.resolve("AppData").resolve("Roaming").resolve("Timelapse Studio"));
        }

        @Test
        void agentRunningAsAServiceLivesInProgramdata() {
            Path programData = Path.of("D:\\ProgramData");
            AppHome homes = new AppHome(Map.of("PROGRAMDATA", programData.toString()), "Windows 11", userHome);

            assertThat(homes.agent(AgentLaunch.SERVICE).root()).isEqualTo(programData.resolve("Timelapse Camera"));
        }
    }

    @Nested
    class Overrides {
        private final Path home = Path.of("/home/ann");

        @Test
        void timelapseHomePicksTheStudioHomeOnEveryOs() {
            for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
                AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", "/srv/studio"), os, home);

                assertThat(homes.studio().root()).as(os).isEqualTo(Path.of("/srv/studio").toAbsolutePath());
            }
        }

        @Test
        void timelapseCameraHomePicksTheAgentHomeHoweverItWasStarted() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_CAMERA_HOME", "/srv/camera"), "Linux", home);

            assertThat(homes.agent(AgentLaunch.SERVICE).root()).isEqualTo(Path.of("/srv/camera"));
            assertThat(homes.agent(AgentLaunch.BY_HAND).root()).isEqualTo(Path.of("/srv/camera"));
        }

        @Test
        void eachOverrideMovesOnlyItsOwnHome() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", "/srv/studio"), "Linux", home);

            assertThat(homes.agent(AgentLaunch.BY_HAND).root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-camera"));
        }

        @Test
        void aRelativeOverrideIsTakenFromTheWorkingDirectory() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", ".timelapse-home"), "Linux", home);

            assertThat(homes.studio().root()).isAbsolute().isEqualTo(Path.of(".timelapse-home").toAbsolutePath());
        }

        @Test
        void anEmptyOverrideCountsAsUnset() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", " "), "Linux", home);

            assertThat(homes.studio().root()).isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
        }
    }

    @Test
    void logsAreKeptInEachHomesLogsFolder() {
        AppHome homes = new AppHome(Map.of(), "Linux", Path.of("/home/ann"));

        assertThat(homes.studio().logs()).isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio/logs"));
        assertThat(homes.agent(AgentLaunch.SERVICE).logs()).isEqualTo(Path.of("/var/lib/timelapse-camera/logs"));
    }

    @Test
    void eachHomeNamesTheVariableThatMovesIt() {
        AppHome homes = new AppHome(Map.of(), "Linux", Path.of("/home/ann"));

        assertThat(homes.studio().overrideVariable()).isEqualTo("TIMELAPSE_HOME");
        assertThat(homes.agent(AgentLaunch.BY_HAND).overrideVariable()).isEqualTo("TIMELAPSE_CAMERA_HOME");
    }
}
