package io.eventgateway.bootstrap.ledger;

import io.eventgateway.sdk.processor.HandlerOutcome;

/** What the handler answered for one invocation, as the ledger writes it. */
public enum LedgerOutcome {
    ACK,
    RETRY,
    FAIL;

    public static LedgerOutcome of(HandlerOutcome outcome) {
        if (outcome instanceof HandlerOutcome.Retry) {
            return RETRY;
        }
        return outcome instanceof HandlerOutcome.Fail ? FAIL : ACK;
    }

    /** ACK and FAIL end the event's processing; a RETRY brings it back. */
    public boolean isFinal() {
        return this != RETRY;
    }
}
