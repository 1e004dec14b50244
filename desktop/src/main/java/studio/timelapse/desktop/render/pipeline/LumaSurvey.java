package studio.timelapse.desktop.render.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import studio.timelapse.shared.actionlog.Action;
import studio.timelapse.shared.actionlog.ActionLog;
import studio.timelapse.shared.actionlog.ProgressReporter;
import studio.timelapse.shared.cancel.StopSignal;
import studio.timelapse.shared.cancel.StoppedException;

/**
 * Measures the mean luma of every frame for deflicker when the library does not know it: each file decoded at 1/8
 * size (FFmpeg's reduced inverse DCT keeps each 8x8 block's mean, so the mean is exact; ImageIO samples every 8th
 * pixel), on all worker threads. A frame that does not decode gets {@code NaN}; the render will skip it with its
 * reason.
 */
final class LumaSurvey {
    private LumaSurvey() {}

    static double[] measure(List<SourceFrame> frames, JpegDecoders decoders, int threads, ActionLog log,
            StopSignal stop) throws InterruptedException {
        double[] lumas = new double[frames.size()];
        try (Action action = log.start("studio:render:measure_luma", "frames", frames.size(), "decoder",
                decoders.name(), "threads", threads)) {
            ProgressReporter progress = action.progress(frames.size(), "frames");
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = WorkerThreads.start("render-luma", threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(log.wrap(() -> {
                        try (JpegDecoder decoder = decoders.factory().get()) {
                            for (int i = next.getAndIncrement(); i < lumas.length && !stop.stopped();
                                    i = next.getAndIncrement()) {
                                lumas[i] = luma(decoder, frames.get(i));
                                if (Double.isNaN(lumas[i])) {
                                    failed.incrementAndGet();
                                }
                                progress.advance(1);
                            }
                        }
                        return null;
                    })));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } catch (ExecutionException e) {
                throw action.fail(new IllegalStateException("measuring brightness failed: " + e.getCause(),
                        e.getCause()));
            } catch (InterruptedException e) {
                throw action.fail(e);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
            stop.reason().ifPresent(why -> {
                throw action.fail(new StoppedException(why));
            });
            action.addSuccessFields("undecodable", failed.get());
        }
        return lumas;
    }

    private static double luma(JpegDecoder decoder, SourceFrame frame) {
        try {
            return LumaMeter.mean(decoder.decode(frame.file(), 8));
        } catch (java.io.IOException | UndecodableFrameException e) {
            return Double.NaN;
        }
    }
}
