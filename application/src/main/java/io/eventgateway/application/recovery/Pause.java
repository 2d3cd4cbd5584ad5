package io.eventgateway.application.recovery;

import java.time.Duration;

/** Waits: how paced work lets time pass. The bootstrap implements it with the real clock; tests move a fake one. */
@FunctionalInterface
public interface Pause {

    /** Returns after {@code duration}, or throws when the waiting thread is interrupted (the work is stopping). */
    void pause(Duration duration) throws InterruptedException;
}
