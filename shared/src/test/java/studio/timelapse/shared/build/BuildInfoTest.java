package studio.timelapse.shared.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void the_version_is_the_one_maven_built() {
        assertThat(BuildInfo.load().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void describes_the_build_then_the_java_and_os_it_runs_on() {
        assertThat(new BuildInfo("1.2.3").describe()).satisfiesExactly(
                build -> assertThat(build).isEqualTo("Timelapse Studio 1.2.3"),
                runtime -> assertThat(runtime)
                        .startsWith("Java " + System.getProperty("java.version"))
                        .contains(System.getProperty("os.name"), System.getProperty("os.arch")));
    }
}
