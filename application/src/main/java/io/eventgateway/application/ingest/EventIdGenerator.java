package io.eventgateway.application.ingest;

/** Makes ids for events that came without one; the id is returned in the receipt so retries can reuse it. */
@FunctionalInterface
public interface EventIdGenerator {

    String newEventId();
}
