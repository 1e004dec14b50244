package studio.timelapse.camera.store;

import java.io.IOException;
import java.nio.file.Path;

/** The real file steps, one of which fails on cue as a full or broken disk would. */
final class FailingFiles implements FrameFiles {
    private final FrameFiles real = FrameFiles.durable();
    private volatile String failingStep = "";
    private volatile String message = "";

    /** Every call of {@code step} ("sync_file", "create_folder", "rename", "sync_folder", "delete") fails from now on. */
    void fail(String step, String errorMessage) {
        this.failingStep = step;
        this.message = errorMessage;
    }

    void heal() {
        this.failingStep = "";
    }

    private void check(String step, Path path) throws IOException {
        if (step.equals(failingStep)) {
            throw new IOException(message + ": " + path);
        }
    }

    @Override
    public void syncFile(Path file) throws IOException {
        check("sync_file", file);
        real.syncFile(file);
    }

    @Override
    public void createFolders(Path folder) throws IOException {
        check("create_folder", folder);
        real.createFolders(folder);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        check("rename", to);
        real.move(from, to);
    }

    @Override
    public void syncFolder(Path folder) throws IOException {
        check("sync_folder", folder);
        real.syncFolder(folder);
    }

    @Override
    public void delete(Path file) throws IOException {
        check("delete", file);
        real.delete(file);
    }
}
