package io.eventgateway.bootstrap.cli;

import io.eventgateway.application.recovery.ReplayProgress;
import io.eventgateway.application.recovery.SpooledObject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Shows a replay's progress: on a terminal one bar redrawn in place (objects, events, rate, ETA); elsewhere (a log,
 * a pipe) one plain line every {@code interval} and at the end, so logs stay readable. The ETA is by bytes, the
 * one total known before the objects are read.
 */
final class ReplayProgressPrinter implements ReplayProgress {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final Clock clock;
    private final Duration interval;
    private Instant started;
    private Instant lastLine;
    private int totalObjects;
    private long totalBytes;
    private int objects;
    private long events;
    private long bytes;
    private boolean barShown;

    ReplayProgressPrinter(PrintWriter out, boolean terminal, Clock clock, Duration interval) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void onPlanned(int objectCount, long byteCount) {
        started = clock.instant();
        lastLine = started;
        totalObjects = objectCount;
        totalBytes = byteCount;
        out.printf(Locale.ROOT, "replay-s3: %d spool objects (%s) to replay%n", objectCount, size(byteCount));
        out.flush();
    }

    @Override
    public void onObjectDone(SpooledObject object, int eventCount) {
        objects++;
        events += eventCount;
        bytes += object.sizeBytes();
        Instant now = clock.instant();
        if (terminal) {
            out.print("\r" + line(now));
            barShown = true;
            out.flush();
        } else if (objects == totalObjects || !now.isBefore(lastLine.plus(interval))) {
            lastLine = now;
            out.println("replay-s3: " + line(now));
            out.flush();
        }
    }

    @Override
    public void onObjectKept(SpooledObject object, String reason) {
        endBar();
        out.println("replay-s3: kept " + object.key() + ": " + reason);
        out.flush();
    }

    /** Ends the bar's line, so what follows starts on a fresh one. */
    void endBar() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }

    String line(Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        double fraction = totalBytes == 0 ? 1.0 : Math.min(1.0, (double) bytes / totalBytes);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        String eta = fraction <= 0 ? "?" : clockTime(Math.round(seconds / fraction - seconds));
        return String.format(Locale.ROOT, "[%s] %d/%d objects, %d events, %.0f events/s, ETA %s", bar, objects,
                totalObjects, events, events / seconds, eta);
    }

    private static String clockTime(long totalSeconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", totalSeconds / 3600, totalSeconds / 60 % 60,
                totalSeconds % 60);
    }

    private static String size(long byteCount) {
        if (byteCount < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", byteCount / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", byteCount / (1024.0 * 1024));
    }
}
