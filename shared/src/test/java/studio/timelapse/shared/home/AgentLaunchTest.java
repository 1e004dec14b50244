package studio.timelapse.shared.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLaunchTest {
    private static final Map<String, String> UNDER_SYSTEMD = Map.of("INVOCATION_ID", "5e0f2c0b9a6d4d0f8c7e1a2b3c4d5e6f");

    @Test
    void aProcessSystemdStartedWithoutATerminalIsAService() {
        assertThat(AgentLaunch.detect(UNDER_SYSTEMD, false)).isEqualTo(AgentLaunch.SERVICE);
    }

    @Test
    void aProcessWithATerminalWasStartedByHandEvenIfItInheritedAnInvocationId() {
        assertThat(AgentLaunch.detect(UNDER_SYSTEMD, true)).isEqualTo(AgentLaunch.BY_HAND);
    }

    @Test
    void aProcessSystemdDidNotStartWasStartedByHand() {
        assertThat(AgentLaunch.detect(Map.of(), false)).isEqualTo(AgentLaunch.BY_HAND);
        assertThat(AgentLaunch.detect(Map.of("INVOCATION_ID", ""), false)).isEqualTo(AgentLaunch.BY_HAND);
    }
}
