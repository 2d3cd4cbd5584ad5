package io.eventgateway.application.recovery;

import io.eventgateway.application.ingest.LaneWrite;
import java.util.List;
import java.util.Objects;

/** What reading one spool object found. */
public sealed interface SpoolContents {

    /** Every record of the object, in the order written. */
    record Records(List<LaneWrite> writes) implements SpoolContents {
        public Records {
            writes = List.copyOf(writes);
        }
    }

    /** The object is gone: an earlier (or concurrent) replay re-drove and deleted it. */
    record Gone() implements SpoolContents {
    }

    /** The object cannot be decoded; it is kept for triage and never deleted by a replay. */
    record Corrupt(String problem) implements SpoolContents {
        public Corrupt {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
