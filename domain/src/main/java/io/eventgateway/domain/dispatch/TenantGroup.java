package io.eventgateway.domain.dispatch;

import java.util.HashMap;
import java.util.Map;

/**
 * The keys of one tenant. The queue files the tenant in its own {@link FairTree} under the earliest on-time deadline
 * among the tenant's keys, which is the earliest deadline in {@link #keyTree}.
 */
final class TenantGroup extends FairTree.Member {

    final String name;
    final Map<String, KeyGroup> keys = new HashMap<>();
    /** The tenant's keys that have an on-time leasable task, by that task's deadline. */
    final FairTree<KeyGroup> keyTree = new FairTree<>();

    TenantGroup(String name, long id, long turn) {
        super(id, turn);
        this.name = name;
    }
}
