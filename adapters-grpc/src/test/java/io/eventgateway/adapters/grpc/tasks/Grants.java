package io.eventgateway.adapters.grpc.tasks;

import io.eventgateway.application.dispatch.GrantedTask;
import io.eventgateway.application.dispatch.LeaseGrant;
import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.util.List;

/** Test grants: two tasks whose record bytes are not valid UTF-8, so any re-encoding on the way would show. */
final class Grants {

    static final TaskId FIRST_ID = new TaskId(2, "eg.p30", 3, 41, 1);
    static final TaskId SECOND_ID = new TaskId(2, "eg.retry.1", 0, 7, 3);
    static final byte[] FIRST_RECORD = {0x0a, 0x00, (byte) 0xff, (byte) 0xc3, 0x28, 0x7f};
    static final byte[] SECOND_RECORD = {(byte) 0x80, 0x01, 0x02};

    private Grants() {
    }

    static LeaseGrant twoTasks() {
        return new LeaseGrant("lease-17", Duration.ofSeconds(45), 2, List.of(
                new GrantedTask(FIRST_ID, FIRST_RECORD.clone()),
                new GrantedTask(SECOND_ID, SECOND_RECORD.clone())));
    }

    static List<String> twoTaskIds() {
        return List.of(FIRST_ID.asString(), SECOND_ID.asString());
    }
}
