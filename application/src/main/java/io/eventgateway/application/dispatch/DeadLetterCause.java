package io.eventgateway.application.dispatch;

/** Why a record goes to the dead-letter topic; a closed set, so it can tag metrics. */
public enum DeadLetterCause {
    /** The polled bytes are not a stored record. */
    CORRUPT_RECORD("corrupt record"),
    /** Its leases expired {@code maxDeliveries} times in its last allowed attempt: a poison event must not loop. */
    MAX_DELIVERIES("max deliveries exceeded"),
    /** Processors answered RETRY until the retry budget was spent. */
    RETRIES_EXHAUSTED("retry budget exhausted"),
    /** A processor answered FAIL. */
    PROCESSOR_FAIL("processor failure");

    private final String reason;

    DeadLetterCause(String reason) {
        this.reason = reason;
    }

    /** The reason written with the record, unless a processor gave its own. */
    public String reason() {
        return reason;
    }
}
