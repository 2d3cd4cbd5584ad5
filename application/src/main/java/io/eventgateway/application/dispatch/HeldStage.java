package io.eventgateway.application.dispatch;

import io.eventgateway.domain.memory.HoldKind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a record the replica holds in memory is; the memory budget counts its bytes under the stage's kind. */
enum HeldStage {
    /** In the deadline queue, waiting for a lease. */
    QUEUED(HoldKind.BUFFERED),
    /**
     * Not due yet ({@code delay_until}, a RETRY's wait in memory, or a retry level's wait): out of the queue until
     * then.
     */
    DELAYED(HoldKind.DELAYED),
    /** Out with a processor under a lease. */
    LEASED(HoldKind.LEASED),
    /**
     * Being written to a retry topic, offload or the dead-letter topic; done once the write is acked. Still held, so
     * counted as buffered.
     */
    HANDING_OFF(HoldKind.BUFFERED),
    /** ACKed or handed off: its offset is done and the memory released. */
    DONE(null);

    private static final Map<HeldStage, Set<HeldStage>> TRANSITIONS = Map.of(
            // DONE: an ACK from an expired or released delivery; HANDING_OFF: moved to offload under deadline pressure.
            QUEUED, EnumSet.of(LEASED, DONE, HANDING_OFF),
            // Due: into the queue, or on to a smaller retry level.
            DELAYED, EnumSet.of(QUEUED, HANDING_OFF),
            LEASED, EnumSet.of(QUEUED, DELAYED, HANDING_OFF, DONE),
            HANDING_OFF, EnumSet.of(DONE),
            DONE, EnumSet.noneOf(HeldStage.class));

    private final HoldKind holdKind;

    HeldStage(HoldKind holdKind) {
        this.holdKind = holdKind;
    }

    /** The kind the memory budget counts a record in this stage under; DONE holds nothing. */
    HoldKind holdKind() {
        if (holdKind == null) {
            throw new IllegalStateException("a done record holds no memory");
        }
        return holdKind;
    }

    /** The next stage; throws on a move the table does not allow, which is a bookkeeping bug. */
    HeldStage transitionTo(HeldStage next) {
        if (!TRANSITIONS.get(this).contains(next)) {
            throw new IllegalStateException("illegal held-record transition " + this + " -> " + next);
        }
        return next;
    }
}
