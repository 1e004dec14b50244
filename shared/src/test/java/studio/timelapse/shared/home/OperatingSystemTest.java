package studio.timelapse.shared.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatingSystemTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Linux, LINUX",
        "FreeBSD, LINUX",
        "Mac OS X, MACOS",
        "Darwin, MACOS",
        "Windows 11, WINDOWS",
        "Windows Server 2022, WINDOWS",
    })
    void isReadFromTheOsNameProperty(String osName, OperatingSystem expected) {
        assertThat(OperatingSystem.fromOsName(osName)).isEqualTo(expected);
    }
}
