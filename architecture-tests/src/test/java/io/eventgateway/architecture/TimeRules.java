package io.eventgateway.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callConstructor;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.eventgateway.architecture.Modules.ADAPTERS;
import static io.eventgateway.architecture.Modules.APPLICATION;
import static io.eventgateway.architecture.Modules.BOOTSTRAP;
import static io.eventgateway.architecture.Modules.DOMAIN;
import static io.eventgateway.architecture.Modules.EMBEDDED_SERVERS;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/** Time is an input (convention 5): only bootstrap touches the real clock or waits on it. */
final class TimeRules {

    /** The no-argument {@code now()} family and the system clocks; {@code Instant.now(clock)} stays allowed. */
    private static final ArchCondition<JavaClass> READ_THE_WALL_CLOCK = callMethod(System.class, "currentTimeMillis")
            .or(callMethod(System.class, "nanoTime"))
            .or(callMethod(Instant.class, "now"))
            .or(callMethod(LocalDateTime.class, "now"))
            .or(callMethod(LocalDate.class, "now"))
            .or(callMethod(LocalTime.class, "now"))
            .or(callMethod(OffsetDateTime.class, "now"))
            .or(callMethod(ZonedDateTime.class, "now"))
            .or(callMethod(Clock.class, "systemUTC"))
            .or(callMethod(Clock.class, "systemDefaultZone"))
            .or(callMethod(Clock.class, "system", ZoneId.class))
            .or(callConstructor(Date.class))
            .as("read the wall clock");

    private static final ArchCondition<JavaClass> SLEEP = callMethod(Thread.class, "sleep", long.class)
            .or(callMethod(Thread.class, "sleep", long.class, int.class))
            .or(callMethod(TimeUnit.class, "sleep", long.class))
            .as("sleep");

    @ArchTest
    static final ArchRule NO_WALL_CLOCK_OUTSIDE_BOOTSTRAP = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
            .and().resideOutsideOfPackage(EMBEDDED_SERVERS)
            .should(READ_THE_WALL_CLOCK)
            .because("time is passed in (Instant now) or read from an injected Clock, so tests drive it with a "
                    + "mutable clock instead of sleeping; bootstrap alone decides which clock is real");

    @ArchTest
    static final ArchRule NO_SLEEP_OUTSIDE_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should(SLEEP)
            .because("waiting is scheduled against a Clock or a poll timeout; a sleep hides a missing signal and "
                    + "makes tests slow and flaky");

    private TimeRules() {
    }
}
