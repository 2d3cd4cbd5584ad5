package io.eventgateway.application.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code replay-s3}: re-drives S3 spool objects to the primary's lane topics, oldest first, one object at a time,
 * and deletes an object only once the primary acked every record in it. A run that stops mid-object (crash,
 * primary down) leaves that object in place, so the next run re-drives it whole: records may be duplicated,
 * never skipped. Running it twice is harmless: replayed objects are gone, and a gone object counts as done.
 */
public final class ReplaySpoolService {

    private final SpoolArchive archive;
    private final PacedRedriver redriver;
    private final Duration ackTimeout;

    public ReplaySpoolService(SpoolArchive archive, PacedRedriver redriver, Duration ackTimeout) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.redriver = Objects.requireNonNull(redriver, "redriver");
        this.ackTimeout = Objects.requireNonNull(ackTimeout, "ackTimeout");
    }

    /**
     * @throws RedriveFailedException naming the object whose records the primary did not all ack; it and every
     *                                later object are kept
     */
    public ReplaySpoolReport replay(ReplaySpoolCommand command, ReplayProgress progress) throws InterruptedException {
        List<SpooledObject> objects = archive.list(command.from(), command.to());
        progress.onPlanned(objects.size(), objects.stream().mapToLong(SpooledObject::sizeBytes).sum());
        int done = 0;
        long events = 0;
        List<String> kept = new ArrayList<>();
        for (SpooledObject object : objects) {
            SpoolContents contents = archive.read(object.key());
            if (contents instanceof SpoolContents.Corrupt corrupt) {
                kept.add(object.key() + ": " + corrupt.problem());
                progress.onObjectKept(object, corrupt.problem());
                continue;
            }
            int count = 0;
            if (contents instanceof SpoolContents.Records records) {
                count = records.writes().size();
                if (!command.dryRun()) {
                    redrive(object, records);
                    archive.delete(object.key());
                }
            }
            done++;
            events += count;
            progress.onObjectDone(object, count);
        }
        return new ReplaySpoolReport(objects.size(), done, events, kept, command.dryRun());
    }

    private void redrive(SpooledObject object, SpoolContents.Records records) throws InterruptedException {
        try {
            redriver.redriveAndAwait(records.writes().stream().map(RedriveItem::unmarked).toList(),
                    RedriveSource.S3_SPOOL, ackTimeout);
        } catch (RedriveFailedException e) {
            throw new RedriveFailedException("spool object " + object.key() + " is kept: " + e.getMessage()
                    + "; run replay-s3 again once the primary is up", e);
        }
    }
}
