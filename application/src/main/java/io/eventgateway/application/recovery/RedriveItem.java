package io.eventgateway.application.recovery;

import io.eventgateway.application.ingest.LaneWrite;
import java.util.Objects;
import java.util.Optional;

/** One record to put back on its lane topic, with the redrive mark it carries there, if any. */
public record RedriveItem(LaneWrite write, Optional<RedriveMark> mark) {

    public RedriveItem {
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(mark, "mark");
    }

    /** A record that goes back unchanged and unmarked: it never reached a lane topic, it is no redrive. */
    public static RedriveItem unmarked(LaneWrite write) {
        return new RedriveItem(write, Optional.empty());
    }

    public static RedriveItem marked(LaneWrite write, RedriveMark mark) {
        return new RedriveItem(write, Optional.of(mark));
    }
}
