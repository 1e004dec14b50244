package studio.timelapse.camera.capture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.testing.RecordingLog;

/**
 * A reset kills leftover runs of our camera tools — started by this agent, or by an earlier one from the same tool
 * directories — and nothing else.
 */
@DisabledOnOs(OS.WINDOWS)
class StrayProcessesTest {
    @TempDir
    Path dir;

    private final RecordingLog recording = new RecordingLog();
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killWhatTheTestStarted() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessRunner::killTree));
        recording.close();
    }

    @Test
    void aHangingToolStartedByThisAgentIsFoundAndKilledWithItsChild() throws Exception {
        FakeTool ours = FakeTool.install(dir.resolve("ours"), "rpicam-still", Map.of()).willRun("hang");
        startChild(ours.executable().toString());
        List<Long> hanging = ours.awaitHanging();
        long bystander = startChild("sleep", "600");
        StrayProcesses strays = new StrayProcesses(List.of("rpicam-", "libcamera-"), ours.path());

        assertThat(strays.find()).extracting(ProcessHandle::pid).containsExactly(hanging.get(0));
        try (Action reset = recording.log().start("camera:rpicam:reset")) {
            strays.killAll(reset);
        }

        assertThat(hanging).allSatisfy(pid -> assertThat(ProcessRunnerTest.alive(pid)).as("pid %d", pid).isFalse());
        assertThat(ProcessRunnerTest.alive(bystander)).as("an unrelated process").isTrue();
        assertThat(recording.ofType("camera:process:killing_stray")).singleElement()
                .satisfies(message -> assertThat(message.get("pid")).isEqualTo(hanging.get(0)));
        assertThat(recording.ofType("camera:rpicam:reset").get(1).get("killed")).isEqualTo(List.of(hanging.get(0)));
    }

    @Test
    void aLeftoverOfAnEarlierAgentIsFoundOnlyWhenItRunsOneOfOurTools() throws Exception {
        FakeTool ours = FakeTool.install(dir.resolve("ours"), "rpicam-still", Map.of()).willRun("hang");
        FakeTool elsewhere = FakeTool.install(dir.resolve("elsewhere"), "rpicam-still", Map.of()).willRun("hang");
        long orphanOfOurs = startOrphan(ours);
        long orphanElsewhere = startOrphan(elsewhere);

        List<Long> found = new StrayProcesses(List.of("rpicam-"), ours.path()).find().stream()
                .map(ProcessHandle::pid).toList();

        assertThat(found).contains(orphanOfOurs).doesNotContain(orphanElsewhere);
    }

    /** Starts {@code tool} detached, as a run of an agent that was killed would be left: not our descendant. */
    private long startOrphan(FakeTool tool) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "\"$0\" > /dev/null 2>&1 &", tool.executable().toString())
                .start().waitFor();
        List<Long> pids = tool.awaitHanging();
        started.addAll(pids);
        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContain(pids.get(0));
        return pids.get(0);
    }

    private long startChild(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process.pid());
        return process.pid();
    }
}
