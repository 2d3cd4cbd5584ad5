package io.eventgateway.application.recovery;

import io.eventgateway.application.ingest.LaneWrite;
import io.eventgateway.domain.task.SourcePosition;
import java.util.Objects;

/** One record read from the alternate cluster's failed-writes topic. */
public sealed interface FailedWrite {

    /** Where it sits on the failed-writes topic. */
    SourcePosition position();

    /** A stored record: what the publisher meant to write, lane included. */
    record Readable(SourcePosition position, LaneWrite write) implements FailedWrite {
        public Readable {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(write, "write");
        }
    }

    /** Bytes that are no stored record; they cannot be redriven and stay on the topic for triage. */
    record Unreadable(SourcePosition position, String problem) implements FailedWrite {
        public Unreadable {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(problem, "problem");
        }
    }
}
