package io.eventgateway.bootstrap.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --from}/{@code --to} values: an ISO-8601 instant ({@code 2026-11-22T10:00:00Z}) or an age such as
 * {@code 90s}, {@code 30m}, {@code 2h}, {@code 7d}, meaning that long before now.
 */
final class TimeConverter implements ITypeConverter<Instant> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");

    private final Clock clock;

    TimeConverter() {
        this(Clock.systemUTC());
    }

    TimeConverter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Instant convert(String value) {
        String text = value.trim();
        Matcher age = AGE.matcher(text);
        if (age.matches()) {
            long amount = Long.parseLong(age.group(1));
            Duration ago = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(ago);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither an ISO-8601 instant such as"
                    + " 2026-11-22T10:00:00Z nor an age such as 30m, 2h or 7d");
        }
    }
}
