package io.eventgateway.sdk.processor.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} value (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date. A date already
 * past means "now"; a value that is neither form means the endpoint gave no usable hint.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** @return the delay, or {@code null} when the value is absent or unreadable */
    static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                // More digits than a long holds: no sensible delay.
                return null;
            }
        }
        try {
            Instant due = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
