package studio.timelapse.shared.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void theVersionIsTheOneMavenBuilt() {
        assertThat(BuildInfo.load().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void describesTheBuildThenTheJavaAndOsItRunsOn() {
        assertThat(new BuildInfo("1.2.3").describe()).satisfiesExactly(
                build -> assertThat(build).isEqualTo("Timelapse Studio 1.2.3"),
                runtime -> assertThat(runtime)
                        .startsWith("Java " + System.getProperty("java.version"))
                        .contains(System.getProperty("os.name"), System.getProperty("os.arch")));
    }
}
