package io.eventgateway.bootstrap.cli;

import io.eventgateway.bootstrap.demo.DemoCompletion;
import io.eventgateway.bootstrap.demo.DemoResult;
import io.eventgateway.bootstrap.runtime.GatewayRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --demo --duration D [--summary-json FILE]}: runs the demo for {@code D}, drains, reconciles, prints the
 * totals (and writes them as JSON), stops everything and answers the exit code: 0 when nothing was lost and the
 * backlog drained. Ctrl-C before the end stops everything as usual.
 */
final class TimedDemo {

    /** What a shell reports for a process ended by Ctrl-C. */
    private static final int INTERRUPTED = 130;

    private TimedDemo() {
    }

    static int run(CommandSpec spec, GatewayRuntime runtime, Duration duration, Path summaryJson)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                runtime.close();
            } finally {
                stopped.countDown();
            }
        }, spec.name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("event-gateway: demo running for " + duration.toSeconds() + " s, HTTP on port "
                + runtime.httpPort() + "; Ctrl-C stops");
        out.flush();
        if (stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
            return INTERRUPTED;
        }
        try {
            DemoResult result = runtime.context().getBean(DemoCompletion.class).finish();
            if (summaryJson != null) {
                result.writeJson(summaryJson);
            }
            out.println(render(result, summaryJson));
            out.flush();
            return result.exitCode();
        } finally {
            closeUnlessShuttingDown(runtime, hook);
        }
    }

    private static String render(DemoResult result, Path summaryJson) {
        DemoResult.Totals totals = result.totals();
        StringBuilder text = new StringBuilder(String.format(
                "event-gateway: demo %s: published %d, stored %d, processed %d, duplicates %d, retried %d, dlq %d,"
                        + " pending %d, lost %d; %.0f events/s",
                result.drained() ? "drained" : "did not drain in time", totals.published(), totals.stored(),
                totals.processed(), totals.duplicates(), totals.retried(), totals.dlq(), totals.pending(),
                totals.lost(), result.throughputPerSecond()));
        result.priorities().forEach((priority, figures) -> text.append(String.format("; %s SLO met %.2f%%",
                priority, figures.sloMetPct())));
        if (summaryJson != null) {
            text.append("; summary in ").append(summaryJson);
        }
        return text.toString();
    }

    private static void closeUnlessShuttingDown(GatewayRuntime runtime, Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came during the drain: the hook closes the runtime.
            return;
        }
        runtime.close();
    }
}
