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
        void studio_lives_in_the_xdg_data_folder() {
            assertThat(homes(Map.of()).studio().root()).isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
        }

        @Test
        void xdg_data_home_moves_the_studio_and_the_agent() {
            AppHome homes = homes(Map.of("XDG_DATA_HOME", "/data"));

            assertThat(homes.studio().root()).isEqualTo(Path.of("/data/timelapse-studio"));
            assertThat(homes.agent(AgentLaunch.BY_HAND).root()).isEqualTo(Path.of("/data/timelapse-camera"));
        }

        @Test
        void a_relative_or_empty_xdg_data_home_is_ignored_as_the_spec_says() {
            assertThat(homes(Map.of("XDG_DATA_HOME", "data")).studio().root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
            assertThat(homes(Map.of("XDG_DATA_HOME", "")).studio().root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
        }

        @Test
        void agent_started_by_hand_lives_in_the_users_data_folder() {
            assertThat(homes(Map.of()).agent(AgentLaunch.BY_HAND).root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-camera"));
        }

        @Test
        void agent_running_as_a_service_lives_in_var_lib() {
            assertThat(homes(Map.of()).agent(AgentLaunch.SERVICE).root())
                    .isEqualTo(Path.of("/var/lib/timelapse-camera"));
        }
    }

    @Nested
    class OnMacOs {
        private final AppHome homes = new AppHome(Map.of("XDG_DATA_HOME", "/data"), "Mac OS X", Path.of("/Users/ann"));

        @Test
        void studio_lives_in_application_support_whatever_xdg_says() {
            assertThat(homes.studio().root())
                    .isEqualTo(Path.of("/Users/ann/Library/Application Support/Timelapse Studio"));
        }

        @Test
        void agent_lives_in_the_users_or_the_machines_application_support() {
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
        void studio_and_agent_live_in_appdata() {
            AppHome homes = new AppHome(Map.of("APPDATA", appData.toString()), "Windows 11", userHome);

            assertThat(homes.studio().root()).isEqualTo(appData.resolve("Timelapse Studio"));
            assertThat(homes.agent(AgentLaunch.BY_HAND).root()).isEqualTo(appData.resolve("Timelapse Camera"));
        }

        @Test
        void variable_names_ignore_case_as_windows_does() {
            AppHome homes = new AppHome(Map.of("AppData", appData.toString()), "Windows 10", userHome);

            assertThat(homes.studio().root()).isEqualTo(appData.resolve("Timelapse Studio"));
        }

        @Test
        void without_appdata_the_roaming_folder_under_the_user_home_is_used() {
            AppHome homes = new AppHome(Map.of(), "Windows 11", userHome);

            assertThat(homes.studio().root())
                    .isEqualTo(userHome.resolve("AppData").resolve("Roaming").resolve("Timelapse Studio"));
        }

        @Test
        void agent_running_as_a_service_lives_in_programdata() {
            Path programData = Path.of("D:\\ProgramData");
            AppHome homes = new AppHome(Map.of("PROGRAMDATA", programData.toString()), "Windows 11", userHome);

            assertThat(homes.agent(AgentLaunch.SERVICE).root()).isEqualTo(programData.resolve("Timelapse Camera"));
        }
    }

    @Nested
    class Overrides {
        private final Path home = Path.of("/home/ann");

        @Test
        void timelapse_home_picks_the_studio_home_on_every_os() {
            for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
                AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", "/srv/studio"), os, home);

                assertThat(homes.studio().root()).as(os).isEqualTo(Path.of("/srv/studio").toAbsolutePath());
            }
        }

        @Test
        void timelapse_camera_home_picks_the_agent_home_however_it_was_started() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_CAMERA_HOME", "/srv/camera"), "Linux", home);

            assertThat(homes.agent(AgentLaunch.SERVICE).root()).isEqualTo(Path.of("/srv/camera"));
            assertThat(homes.agent(AgentLaunch.BY_HAND).root()).isEqualTo(Path.of("/srv/camera"));
        }

        @Test
        void each_override_moves_only_its_own_home() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", "/srv/studio"), "Linux", home);

            assertThat(homes.agent(AgentLaunch.BY_HAND).root())
                    .isEqualTo(Path.of("/home/ann/.local/share/timelapse-camera"));
        }

        @Test
        void a_relative_override_is_taken_from_the_working_directory() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", ".timelapse-home"), "Linux", home);

            assertThat(homes.studio().root()).isAbsolute().isEqualTo(Path.of(".timelapse-home").toAbsolutePath());
        }

        @Test
        void an_empty_override_counts_as_unset() {
            AppHome homes = new AppHome(Map.of("TIMELAPSE_HOME", " "), "Linux", home);

            assertThat(homes.studio().root()).isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio"));
        }
    }

    @Test
    void logs_are_kept_in_each_homes_logs_folder() {
        AppHome homes = new AppHome(Map.of(), "Linux", Path.of("/home/ann"));

        assertThat(homes.studio().logs()).isEqualTo(Path.of("/home/ann/.local/share/timelapse-studio/logs"));
        assertThat(homes.agent(AgentLaunch.SERVICE).logs()).isEqualTo(Path.of("/var/lib/timelapse-camera/logs"));
    }

    @Test
    void each_home_names_the_variable_that_moves_it() {
        AppHome homes = new AppHome(Map.of(), "Linux", Path.of("/home/ann"));

        assertThat(homes.studio().overrideVariable()).isEqualTo("TIMELAPSE_HOME");
        assertThat(homes.agent(AgentLaunch.BY_HAND).overrideVariable()).isEqualTo("TIMELAPSE_CAMERA_HOME");
    }
}
