package io.eventgateway.adapters.kafka.dispatch;

/**
 * Headers of handed-off records. Dead letters carry why and from where, for triage and a filtered redrive; a record on
 * a retry level carries when its first attempt failed, so its dead letter can say so later.
 */
public final class HandoffHeaders {

    public static final String REASON = "eg-reason";
    /** Deliveries of the last attempt from the replica that gave up. */
    public static final String DELIVERIES = "eg-deliveries";
    /** Processing attempts made, the last one included. */
    public static final String ATTEMPTS = "eg-attempts";
    public static final String SOURCE_TOPIC = "eg-source-topic";
    public static final String SOURCE_PARTITION = "eg-source-partition";
    public static final String SOURCE_OFFSET = "eg-source-offset";
    /** ISO-8601 instant of the dead-letter write: the last failure. */
    public static final String FAILED_AT = "eg-failed-at";
    /** ISO-8601 instant of the event's first failed attempt. */
    public static final String FIRST_FAILED_AT = "eg-first-failed-at";

    private HandoffHeaders() {
    }
}
