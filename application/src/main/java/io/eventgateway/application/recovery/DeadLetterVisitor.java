package io.eventgateway.application.recovery;

/** Receives DLQ records in order, on the scanning thread. */
@FunctionalInterface
public interface DeadLetterVisitor {

    /** @return whether to go on scanning */
    boolean visit(DeadLetter letter) throws InterruptedException;
}
