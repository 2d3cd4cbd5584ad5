package io.eventgateway.application.dispatch;

import java.util.Set;

/**
 * What a lane consumer must do after handing over a poll: which of its partitions to pause and which to resume.
 * A partition paused for several reasons resumes only when none is left; the dispatch service tracks the reasons,
 * the consumer just applies the sets.
 */
public record PartitionControl(Set<SourcePartition> pause, Set<SourcePartition> resume) {

    public static final PartitionControl NONE = new PartitionControl(Set.of(), Set.of());

    public PartitionControl {
        pause = Set.copyOf(pause);
        resume = Set.copyOf(resume);
    }
}
