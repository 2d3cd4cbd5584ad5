package io.eventgateway.adapters.s3.spool;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one layout of spool keys: {@code <prefix>yyyy/MM/dd/HH/<epochMillis>-<uuid>.pb}, hour and millis in UTC.
 *
 * <p>Invariant: keys sort by write time. The dated directories sort by hour, and the millis are zero-padded to
 * 13 digits (every instant from 1970 to 2286), so within an hour a plain string comparison is a time comparison.
 * Listing by time is therefore one ListObjectsV2 walk starting after the key of the range's start.
 */
final class SpoolKeys {

    private static final String SUFFIX = ".pb";

    private static final DateTimeFormatter HOUR_DIRECTORY =
            DateTimeFormatter.ofPattern("uuuu/MM/dd/HH/").withZone(ZoneOffset.UTC);
    private static final long MAX_MILLIS = 9_999_999_999_999L;
    private static final Pattern OBJECT_NAME = Pattern.compile("(\\d{13})-[^/]+\\" + SUFFIX);

    private final String prefix;

    SpoolKeys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String keyFor(Instant writtenAt, UUID id) {
        return hourDirectory(writtenAt) + "%013d".formatted(writtenAt.toEpochMilli()) + "-" + id + SUFFIX;
    }

    /**
     * The greatest string below every key written at or after {@code from}: the ListObjectsV2 {@code startAfter}
     * of a listing that begins at {@code from}. Empty when {@code from} precedes every possible key.
     */
    Optional<String> startAfter(Instant from) {
        if (from.isBefore(Instant.EPOCH)) {
            return Optional.empty();
        }
        return Optional.of(hourDirectory(from) + "%013d".formatted(from.toEpochMilli()));
    }

    /** The write time a spool key carries; empty for a key under the prefix that is not a spool object's. */
    Optional<Instant> writtenAt(String key) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        Matcher matcher = OBJECT_NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant writtenAt = Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
        return key.equals(prefix + HOUR_DIRECTORY.format(writtenAt) + name) ? Optional.of(writtenAt) : Optional.empty();
    }

    private String hourDirectory(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalArgumentException("spool keys hold instants from 1970 to 2286, not " + instant);
        }
        return prefix + HOUR_DIRECTORY.format(instant);
    }
}
