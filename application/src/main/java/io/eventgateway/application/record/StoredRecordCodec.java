package io.eventgateway.application.record;

import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;

/**
 * The one wire format of a stored record (eventgateway.v1.StoredRecord): the same bytes go to Kafka lane, retry,
 * offload, failed-writes and DLQ topics, into S3 spool objects, and to processors, so a record is never re-encoded
 * on its way through.
 */
public interface StoredRecordCodec {

    byte[] encode(EventRecord record, Lane lane);

    /** @throws CorruptRecordException when the bytes are not a stored record */
    DecodedRecord decode(byte[] bytes);
}
