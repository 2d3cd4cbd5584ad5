package io.eventgateway.sdk.processor;

/**
 * The user's code: decides what became of one event. Called concurrently from the runner's worker threads, up to the
 * configured concurrency, so it must be thread-safe. A handler that throws is answered RETRY with the exception's
 * message as the reason: a bug or an outage downstream is rarely permanent.
 */
@FunctionalInterface
public interface EventHandler {

    HandlerOutcome handle(ProcessorEvent event) throws Exception;
}
