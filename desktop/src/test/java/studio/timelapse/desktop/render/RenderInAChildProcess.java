package studio.timelapse.desktop.render;

import java.nio.file.Path;
import java.time.Clock;
import studio.timelapse.desktop.core.StudioCore;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.job.SubmitOptions;

/**
 * A studio rendering in its own process, for the test that kills it: args are the library, the frames folder, the
 * output, and frames per segment at 25 fps.
 */
public final class RenderInAChildProcess {
    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[0]);
        double segmentSeconds = Integer.parseInt(args[3]) / 25.0;
        ActionLog log = ActionLog.builder("render-child").build();
        StudioCore core = StudioCore.open(library, log, Clock.systemUTC(), RenderJobTest.settings(
                RenderTuning.defaults().withSegmentSeconds(segmentSeconds)));
        core.jobs().submit(core.renderJob(), RenderJobTest.folderRequest(Path.of(args[1]), Path.of(args[2])),
                SubmitOptions.defaults());
        System.out.println("submitted");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // until killed
    }
}
