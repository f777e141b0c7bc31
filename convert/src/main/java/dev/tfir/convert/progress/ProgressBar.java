package dev.tfir.convert.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line convert draws on a terminal's stderr once a conversion has run for a second: the step, and
 * for measured steps (writing the weights) a bar with the megabytes done. A daemon thread redraws it every
 * {@value #REDRAW_MILLIS} ms; {@link #close} erases it, so the summary that follows starts on a clean line.
 */
public final class ProgressBar implements Progress {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_MILLIS = 100;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final Thread drawer;
    private volatile String step = "starting";
    private volatile long total;
    private int drawnWidth;

    private ProgressBar(PrintWriter err) {
        this.err = err;
        this.drawer = new Thread(this::drawUntilClosed, "convert-progress");
        drawer.setDaemon(true);
        drawer.start();
    }

    /** A progress bar on {@code err} when the process runs on a terminal, else {@link Progress#NONE}. */
    public static Progress onTerminal(PrintWriter err) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal ? new ProgressBar(err) : Progress.NONE;
    }

    @Override
    public void step(String name, long total) {
        this.total = total;
        done.set(0);
        this.step = name;
    }

    @Override
    public void advance(long amount) {
        done.addAndGet(amount);
    }

    /** Stops drawing and erases the line. */
    @Override
    public void close() {
        drawer.interrupt();
        try {
            drawer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
        }
    }

    private void drawUntilClosed() {
        try {
            while (true) {
                Thread.sleep(REDRAW_MILLIS);
                if (System.nanoTime() - start >= DELAY_NANOS) {
                    draw();
                }
            }
        } catch (InterruptedException e) {
            // closed: the conversion is over
        }
    }

    private synchronized void draw() {
        String line = line(step, done.get(), total, (System.nanoTime() - start) / 1e9);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        err.flush();
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    /** The progress line: "writing the weights [#######.......]  45%  120/264 MB  3.1 s". */
    static String line(String step, long done, long total, double seconds) {
        StringBuilder line = new StringBuilder(step);
        if (total > 0) {
            long shown = Math.min(done, total);
            int filled = (int) (BAR_WIDTH * shown / total);
            line.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  %d/%d MB", 100 * shown / total, shown >> 20,
                            total >> 20));
        }
        return line.append(String.format(Locale.ROOT, "  %.1f s", seconds)).toString();
    }
}
