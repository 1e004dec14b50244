package studio.timelapse.shared.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void the_version_is_the_one_maven_built() {
        assertThat(BuildInfo.load().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
