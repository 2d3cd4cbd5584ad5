package io.eventgateway.domain.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReplicaIdentityProperties {

    @Property(tries = 100)
    void everyPartitionHasExactlyOneOwnerAcrossTheReplicas(
            @ForAll @IntRange(min = 1, max = 64) int replicas, @ForAll @IntRange(min = 1, max = 256) int partitions) {
        Assume.that(replicas <= partitions);
        List<Integer> owned = new ArrayList<>();
        for (int index = 0; index < replicas; index++) {
            ReplicaIdentity replica = new ReplicaIdentity(index, replicas);
            List<Integer> mine = replica.ownedPartitions(partitions);
            assertThat(mine).isNotEmpty().allMatch(replica::owns);
            owned.addAll(mine);
        }

        assertThat(owned).containsExactlyInAnyOrderElementsOf(IntStream.range(0, partitions).boxed().toList());
    }

    @Property(tries = 100)
    void ownsAgreesWithOwnedPartitions(
            @ForAll @IntRange(min = 1, max = 16) int replicas, @ForAll @IntRange(min = 0, max = 15) int index,
            @ForAll @IntRange(min = 0, max = 99) int partition) {
        Assume.that(index < replicas);
        ReplicaIdentity replica = new ReplicaIdentity(index, replicas);

        assertThat(replica.owns(partition)).isEqualTo(replica.ownedPartitions(100).contains(partition));
    }
}
