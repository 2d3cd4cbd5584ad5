package io.eventgateway.bootstrap.ledger;

import java.io.IOException;

/** Where a handler records each invocation; returns only once the entry is as durable as the sink promises. */
@FunctionalInterface
public interface LedgerSink {

    void onHandled(LedgerEntry entry) throws IOException;
}
