package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import studio.timelapse.shared.refusal.Refusal;
import studio.timelapse.shared.refusal.RefusedException;

/** A refusal as a person reads it on a console: each reason on its line, its remedy under it. */
final class RefusalText {
    private RefusalText() {}

    /** Prints every reason of {@code refused} after {@code command: }, and returns the exit code for a refusal. */
    static int print(String command, RefusedException refused, PrintWriter err) {
        for (Refusal refusal : refused.refusals()) {
            err.println(command + ": " + refusal.reason());
            refusal.remedy().ifPresent(remedy -> err.println("  -> " + remedy));
        }
        err.flush();
        return 1;
    }
}
