package studio.timelapse.shared.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder where one of our programs keeps its data, with {@code logs/} inside.
 *
 * @param name             what to call it in messages ("studio home")
 * @param overrideVariable the environment variable that picks another folder
 * @param root             the folder itself
 */
public record DataHome(String name, String overrideVariable, Path root) {

    public Path logs() {
        return root.resolve("logs");
    }

    /**
     * Creates the home and its logs folder if they are missing. Resolving a home never touches the disk; this is
     * the one call that does, so a program decides when a missing or read-only folder is an error.
     *
     * @throws IOException saying which folder, why, and how to choose another
     */
    public DataHome createFolders() throws IOException {
        for (Path folder : new Path[] {root, logs()}) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw cannotUse(folder, "cannot be created (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")", e);
            }
            if (!Files.isWritable(folder)) {
                throw cannotUse(folder, "is not writable", null);
            }
        }
        return this;
    }

    private IOException cannotUse(Path folder, String problem, IOException cause) {
        return new IOException("The " + name + " folder " + folder + " " + problem
                + ". Set " + overrideVariable + " to use another folder.", cause);
    }
}
