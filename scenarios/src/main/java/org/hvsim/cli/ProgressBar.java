package org.hvsim.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.hvsim.core.experiment.Progress;

/**
 * Replications done and time left, on stderr: redrawn in place on a terminal, one line per tenth of
 * the work otherwise (so that CI logs stay short).
 */
final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean terminal;
    private int lastTenth = -1;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void replicationDone(int done, int total, long elapsedNanos) {
        double secs = elapsedNanos / 1e9;
        double left = done == 0 ? Double.NaN : secs * (total - done) / done;
        if (terminal) {
            int filled = (int) Math.round(WIDTH * (double) done / total);
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d replications, %.1f s elapsed, ~%.0f s left ",
                    "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, secs, left);
            if (done == total) {
                err.println();
            }
        } else {
            int tenth = done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.printf(Locale.ROOT, "progress: %d/%d replications, %.1f s elapsed, ~%.0f s left%n", done, total,
                        secs, left);
            }
        }
        err.flush();
    }
}
