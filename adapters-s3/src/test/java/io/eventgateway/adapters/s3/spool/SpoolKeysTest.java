package io.eventgateway.adapters.s3.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpoolKeysTest {

    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private final SpoolKeys keys = new SpoolKeys("spool/");

    @Test
    void aKeyIsThePrefixTheUtcHourDirectoryTheMillisAndAUuid() {
        Instant writtenAt = Instant.parse("2026-11-22T09:05:07.123Z");

        assertThat(keys.keyFor(writtenAt, ID))
                .isEqualTo("spool/2026/11/22/09/1795338307123-123e4567-e89b-12d3-a456-426614174000.pb");
    }

    @Test
    void theWriteTimeIsReadBackFromTheKeyToTheMillisecond() {
        Instant writtenAt = Instant.parse("2026-11-22T23:59:59.999Z");

        assertThat(keys.writtenAt(keys.keyFor(writtenAt, ID))).contains(writtenAt);
    }

    @Test
    void withinAnHourAnEarlierKeySortsFirstWhateverItsUuid() {
        Instant earlier = Instant.parse("2026-11-22T09:10:00.000Z");
        UUID highest = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
        UUID lowest = UUID.fromString("00000000-0000-0000-0000-000000000000");

        assertThat(keys.keyFor(earlier, highest)).isLessThan(keys.keyFor(earlier.plusMillis(1), lowest));
    }

    @Test
    void aKeyOfTheNextHourSortsAfterTheLastMillisecondOfTheHour() {
        Instant lastOfHour = Instant.parse("2026-11-22T09:59:59.999Z");

        assertThat(keys.keyFor(lastOfHour, ID)).isLessThan(keys.keyFor(lastOfHour.plusMillis(1), ID));
    }

    @Test
    void millisBeforeSeptember2001AreZeroPaddedSoTheyStillSortWithinTheirHour() {
        Instant before = Instant.ofEpochMilli(999_999_999_999L);
        Instant after = Instant.ofEpochMilli(1_000_000_000_000L);

        assertThat(keys.keyFor(before, ID)).isLessThan(keys.keyFor(after, ID));
        assertThat(keys.writtenAt(keys.keyFor(before, ID))).contains(before);
    }

    @Test
    void theListingStartSortsAfterEveryEarlierKeyAndBeforeEveryKeyAtOrAfterTheStart() {
        Instant from = Instant.parse("2026-11-22T09:30:00.000Z");

        String startAfter = keys.startAfter(from).orElseThrow();

        assertThat(keys.keyFor(from.minusMillis(1), ID)).isLessThan(startAfter);
        assertThat(keys.keyFor(from, ID)).isGreaterThan(startAfter);
        assertThat(keys.keyFor(from.plusMillis(1), ID)).isGreaterThan(startAfter);
    }

    @Test
    void aListingFromBeforeTheEpochStartsAtTheBeginningOfThePrefix() {
        assertThat(keys.startAfter(Instant.MIN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "spool/README",
            "other/2026/11/22/09/1795338307123-x.pb",
            "spool/2026/11/22/09/1795338307123-x.json",
            "spool/2026/11/22/09/123-x.pb",
            // The directory says 10:00 but the millis say 09:05: not a key the store wrote.
            "spool/2026/11/22/10/1795338307123-x.pb"})
    void aKeyTheStoreDidNotWriteHasNoWriteTime(String key) {
        assertThat(keys.writtenAt(key)).isEmpty();
    }

    @Test
    void anEmptyPrefixPutsTheDatedDirectoriesAtTheBucketRoot() {
        SpoolKeys atRoot = new SpoolKeys("");
        Instant writtenAt = Instant.parse("2026-01-02T03:04:05.006Z");

        assertThat(atRoot.keyFor(writtenAt, ID)).startsWith("2026/01/02/03/");
        assertThat(atRoot.writtenAt(atRoot.keyFor(writtenAt, ID))).contains(writtenAt);
    }

    @Test
    void anInstantBeforeTheEpochHasNoKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> keys.keyFor(Instant.EPOCH.minusMillis(1), ID))
                .withMessageContaining("1970");
    }
}
