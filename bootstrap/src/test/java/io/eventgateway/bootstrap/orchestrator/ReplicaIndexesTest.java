package io.eventgateway.bootstrap.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.replica.ReplicaIdentity;
import org.junit.jupiter.api.Test;

class ReplicaIndexesTest {

    @Test
    void aConfiguredIndexWinsOverTheHostname() {
        assertThat(ReplicaIndexes.resolve(1, "gateway-orchestrator-2", 3)).isEqualTo(new ReplicaIdentity(1, 3));
    }

    @Test
    void withoutAConfiguredIndexTheStatefulSetOrdinalIsTheIndex() {
        assertThat(ReplicaIndexes.resolve(null, "gateway-orchestrator-2.gateway.ns.svc", 3))
                .isEqualTo(new ReplicaIdentity(2, 3));
    }

    @Test
    void aHostnameWithoutAnOrdinalMeansReplicaZero() {
        assertThat(ReplicaIndexes.resolve(null, "my-laptop", 1)).isEqualTo(new ReplicaIdentity(0, 1));
        assertThat(ReplicaIndexes.resolve(null, null, 1)).isEqualTo(new ReplicaIdentity(0, 1));
    }

    @Test
    void anOrdinalOutOfRangeFailsRatherThanPickingAnotherReplica() {
        assertThatThrownBy(() -> ReplicaIndexes.resolve(null, "gateway-orchestrator-3", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
    }
}
