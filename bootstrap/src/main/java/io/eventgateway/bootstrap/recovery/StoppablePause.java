package io.eventgateway.bootstrap.recovery;

import io.eventgateway.application.recovery.Pause;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits on the real clock, and ends every wait at once (with an interrupt) when {@link #stop()} is called. */
final class StoppablePause implements Pause {

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public void pause(Duration duration) throws InterruptedException {
        if (stopped.await(Math.max(1, duration.toNanos()), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("stopping");
        }
    }

    void stop() {
        stopped.countDown();
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }
}
