package io.eventgateway.sdk.processor;

import java.util.List;

/**
 * The user's code for handlers that work on several events at once (one HTTP call, one database transaction): gets
 * up to the configured batch size of events from one lease and decides what became of each. Called concurrently
 * from the runner's worker threads, so it must be thread-safe.
 *
 * <p>Return one outcome per event, in the order of {@code events}. A handler that throws, or returns the wrong number
 * of outcomes, is answered RETRY for the whole batch; a {@code null} outcome is answered RETRY for its event.
 */
@FunctionalInterface
public interface BatchEventHandler {

    List<HandlerOutcome> handleBatch(List<ProcessorEvent> events) throws Exception;
}
