package io.eventgateway.domain.memory;

import io.eventgateway.domain.priority.Lane;
import java.util.Objects;

/** A change the lane consumer must carry out, decided by the {@link MemoryBudget}. */
public sealed interface LaneDecision permits LaneDecision.PauseLane, LaneDecision.ResumeLane {

    Lane lane();

    /** Stop polling {@code lane}. */
    record PauseLane(Lane lane) implements LaneDecision {
        public PauseLane {
            Objects.requireNonNull(lane, "lane");
        }
    }

    /** Poll {@code lane} again. */
    record ResumeLane(Lane lane) implements LaneDecision {
        public ResumeLane {
            Objects.requireNonNull(lane, "lane");
        }
    }
}
