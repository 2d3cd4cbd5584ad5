package io.eventgateway.domain.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplicaIdentityTest {

    @Test
    void anIndexAtTheReplicaCountIsRejectedWithTheValidRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplicaIdentity(3, 3))
                .withMessage("replica index 3 is out of range for 3 replicas (valid: 0..2)");
    }

    @Test
    void aNegativeIndexIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplicaIdentity(-1, 3))
                .withMessage("replica index -1 is out of range for 3 replicas (valid: 0..2)");
    }

    @Test
    void zeroReplicasIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReplicaIdentity(0, 0))
                .withMessage("replicas must be >= 1, was 0");
    }

    @Test
    void ownsThePartitionsCongruentToItsIndex() {
        ReplicaIdentity replica = new ReplicaIdentity(1, 3);

        assertThat(replica.owns(1)).isTrue();
        assertThat(replica.owns(4)).isTrue();
        assertThat(replica.owns(3)).isFalse();
    }

    @Test
    void ownedPartitionsListsThemAscending() {
        assertThat(new ReplicaIdentity(1, 3).ownedPartitions(8)).containsExactly(1, 4, 7);
    }

    @Test
    void ownedPartitionsCannotBeModified() {
        List<Integer> owned = new ReplicaIdentity(0, 2).ownedPartitions(4);

        assertThatThrownBy(() -> owned.add(9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aReplicaBeyondThePartitionCountOwnsNothing() {
        assertThat(new ReplicaIdentity(4, 5).ownedPartitions(3)).isEmpty();
    }

    @Test
    void readsTheResponsePartitionOfItsIndex() {
        assertThat(new ReplicaIdentity(2, 3).responsePartition()).isEqualTo(2);
    }

    @Test
    void parsesTheStatefulSetOrdinalFromTheHostname() {
        assertThat(ReplicaIdentity.fromHostname("gateway-orchestrator-3", 4)).isEqualTo(new ReplicaIdentity(3, 4));
    }

    @Test
    void parsesTheOrdinalFromTheFirstLabelOfAQualifiedHostname() {
        assertThat(ReplicaIdentity.fromHostname("gateway-orchestrator-2.gateway.prod.svc.cluster.local", 3))
                .isEqualTo(new ReplicaIdentity(2, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway-orchestrator", "gateway-orchestrator-", "gateway-orchestrator-a1", "laptop"})
    void aHostnameWithoutATrailingOrdinalIsRejectedClearly(String hostname) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReplicaIdentity.fromHostname(hostname, 3))
                .withMessageStartingWith("hostname '" + hostname + "' has no StatefulSet ordinal");
    }

    @Test
    void anOrdinalBeyondTheReplicaCountIsRejectedWithTheValidRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReplicaIdentity.fromHostname("gateway-orchestrator-3", 3))
                .withMessage("replica index 3 is out of range for 3 replicas (valid: 0..2)");
    }

    @Test
    void aHugeOrdinalIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReplicaIdentity.fromHostname("gateway-99999999999", 3))
                .withMessage("hostname 'gateway-99999999999' has an ordinal too large: 99999999999");
    }

    @Test
    void aTopologyWithEnoughPartitionsHasNoProblem() {
        ReplicaIdentity replica = new ReplicaIdentity(0, 3);

        assertThat(replica.validateTopology(Map.of("eg.p30", 3, "eg.p10", 12), 3)).isEmpty();
    }

    @Test
    void aLaneTopicWithFewerPartitionsThanReplicasIsAProblem() {
        ReplicaIdentity replica = new ReplicaIdentity(0, 3);

        assertThat(replica.validateTopology(Map.of("eg.p30", 2, "eg.p10", 12), 3))
                .containsExactly("lane topic eg.p30 has 2 partitions, fewer than the 3 replicas");
    }

    @Test
    void aResponseTopicWithFewerPartitionsThanReplicasIsAProblem() {
        ReplicaIdentity replica = new ReplicaIdentity(0, 3);

        assertThat(replica.validateTopology(Map.of("eg.p30", 3), 2))
                .containsExactly("response topic has 2 partitions, fewer than the 3 replicas (replica i reads partition i)");
    }

    @Test
    void requireValidTopologyReportsEveryProblemInOneMessage() {
        ReplicaIdentity replica = new ReplicaIdentity(0, 3);

        assertThatIllegalStateException()
                .isThrownBy(() -> replica.requireValidTopology(Map.of("eg.p20", 1, "eg.p10", 2), 1))
                .withMessage("topic layout does not fit 3 replicas: "
                        + "lane topic eg.p10 has 2 partitions, fewer than the 3 replicas; "
                        + "lane topic eg.p20 has 1 partitions, fewer than the 3 replicas; "
                        + "response topic has 1 partitions, fewer than the 3 replicas (replica i reads partition i)");
    }

    @Test
    void requireValidTopologyPassesAValidLayout() {
        new ReplicaIdentity(1, 2).requireValidTopology(Map.of("eg.p30", 2), 2);
    }
}
