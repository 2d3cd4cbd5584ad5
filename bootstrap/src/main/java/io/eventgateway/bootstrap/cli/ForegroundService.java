package io.eventgateway.bootstrap.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;

/** Keeps a started service in the foreground until the process is asked to stop, then closes it. */
final class ForegroundService {

    private ForegroundService() {
    }

    static int runUntilStopped(CommandSpec spec, AutoCloseable service, String banner) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                spec.commandLine().getErr().println(spec.name() + ": stopping failed: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, spec.name() + "-shutdown"));
        spec.commandLine().getOut().println(banner + "; Ctrl-C stops");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
