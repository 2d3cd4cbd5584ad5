package io.eventgateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.eventgateway.adapters.grpc.fixture.CleanGrpcAdapter;
import io.eventgateway.adapters.grpc.fixture.FieldInjectedGrpcAdapter;
import io.eventgateway.adapters.grpc.fixture.GenericThrowingGrpcAdapter;
import io.eventgateway.adapters.grpc.fixture.JulLoggingGrpcAdapter;
import io.eventgateway.adapters.grpc.fixture.PrintingGrpcAdapter;
import io.eventgateway.adapters.grpc.fixture.ValueInjectedGrpcAdapter;
import io.eventgateway.adapters.kafka.embedded.fixture.EmbeddedBrokerLauncher;
import io.eventgateway.adapters.kafka.fixture.GrpcAwareKafkaAdapter;
import io.eventgateway.adapters.kafka.fixture.SystemClockKafkaAdapter;
import io.eventgateway.application.fixture.BootstrapAwareService;
import io.eventgateway.application.fixture.CleanService;
import io.eventgateway.application.fixture.ExecutorUsingService;
import io.eventgateway.application.fixture.InjectedService;
import io.eventgateway.application.fixture.SleepingService;
import io.eventgateway.application.fixture.ThreadStartingService;
import io.eventgateway.application.fixture.WallClockService;
import io.eventgateway.bootstrap.cli.fixture.VersionCommand;
import io.eventgateway.bootstrap.fixture.SystemClockFactory;
import io.eventgateway.domain.fixture.ApplicationAwarePolicy;
import io.eventgateway.domain.fixture.CleanPolicy;
import io.eventgateway.domain.fixture.ClockReadingPolicy;
import io.eventgateway.domain.fixture.CountingPolicy;
import io.eventgateway.domain.fixture.FileReadingPolicy;
import io.eventgateway.domain.fixture.InjectablePolicy;
import io.eventgateway.domain.fixture.SocketOpeningPolicy;
import io.eventgateway.domain.fixtureleft.LeftFeature;
import io.eventgateway.domain.fixtureright.RightFeature;
import io.eventgateway.protocol.fixture.DomainAwareMessage;
import io.eventgateway.protocol.fixture.GeneratedStyleCodec;
import io.eventgateway.sdk.fixture.CleanClient;
import io.eventgateway.sdk.fixture.DomainAwareClient;
import io.eventgateway.sdk.fixture.IntrospectedClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test of the tests: the production rules, fed only fixture classes that pose as module code (their
 * package names put them under the rules), must fail on each planted violation and name it, and must pass
 * on the clean fixtures.
 */
class RulesBiteTest {

    /** Obey every rule while touching each module and each allowed exception (cli output, embedded clock). */
    static final List<Class<?>> CLEAN_FIXTURES = List.of(
            CleanPolicy.class, CleanService.class, GeneratedStyleCodec.class, CleanGrpcAdapter.class,
            EmbeddedBrokerLauncher.class, CleanClient.class, SystemClockFactory.class, VersionCommand.class);

    static final List<Class<?>> OFFENDING_FIXTURES = List.of(
            ClockReadingPolicy.class, SocketOpeningPolicy.class, FileReadingPolicy.class, CountingPolicy.class,
            InjectablePolicy.class, ApplicationAwarePolicy.class, LeftFeature.class, RightFeature.class,
            WallClockService.class, ThreadStartingService.class, ExecutorUsingService.class, SleepingService.class,
            InjectedService.class, BootstrapAwareService.class, DomainAwareMessage.class, DomainAwareClient.class,
            IntrospectedClient.class, GrpcAwareKafkaAdapter.class, SystemClockKafkaAdapter.class,
            FieldInjectedGrpcAdapter.class, ValueInjectedGrpcAdapter.class, PrintingGrpcAdapter.class,
            JulLoggingGrpcAdapter.class, GenericThrowingGrpcAdapter.class);

    private static final List<Class<?>> RULE_HOLDERS =
            List.of(LayeringRules.class, CorePurityRules.class, TimeRules.class, CodingRules.class);

    private static final JavaClasses CLEAN = new ClassFileImporter().importClasses(CLEAN_FIXTURES);
    private static final JavaClasses ALL = new ClassFileImporter().importClasses(
            Stream.concat(CLEAN_FIXTURES.stream(), OFFENDING_FIXTURES.stream()).toList());

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRule")
    void everyRulePassesOnTheCleanFixtures(String name, ArchRule rule) {
        assertThatCode(() -> rule.check(CLEAN)).doesNotThrowAnyException();
    }

    // Layering

    @Test
    void layeringRejectsTheDomainUsingTheApplication() {
        assertViolation(LayeringRules.MODULES_DEPEND_INWARD,
                "ApplicationAwarePolicy.describe(", "<io.eventgateway.application.fixture.CleanService>");
    }

    @Test
    void layeringRejectsAnyModuleUsingBootstrap() {
        assertViolation(LayeringRules.MODULES_DEPEND_INWARD,
                "BootstrapAwareService.describe(", "<io.eventgateway.bootstrap.fixture.SystemClockFactory>");
    }

    @Test
    void layeringRejectsTheProtocolUsingTheDomain() {
        assertViolation(LayeringRules.MODULES_DEPEND_INWARD,
                "DomainAwareMessage.describe(", "<io.eventgateway.domain.fixture.CleanPolicy>");
    }

    @Test
    void layeringRejectsTheSdkUsingTheDomain() {
        assertViolation(LayeringRules.MODULES_DEPEND_INWARD,
                "DomainAwareClient.describe(", "<io.eventgateway.domain.fixture.CleanPolicy>");
    }

    @Test
    void layeringRejectsOneAdapterUsingAnother() {
        assertViolation(LayeringRules.MODULES_DEPEND_INWARD,
                "GrpcAwareKafkaAdapter.describe(", "<io.eventgateway.adapters.grpc.fixture.CleanGrpcAdapter>");
    }

    @Test
    void adapterIndependenceRejectsTheKafkaAdapterUsingTheGrpcAdapter() {
        assertViolation(LayeringRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                "GrpcAwareKafkaAdapter.describe(", "<io.eventgateway.adapters.grpc.fixture.CleanGrpcAdapter>");
    }

    @Test
    void applicationAllowListRejectsAFrameworkDependency() {
        assertViolation(LayeringRules.APPLICATION_DEPENDS_ONLY_ON_JDK_AND_DOMAIN,
                "InjectedService", "<jakarta.inject.Inject>");
    }

    @Test
    void sdkRejectsMicronaut() {
        assertViolation(LayeringRules.SDK_DOES_NOT_USE_MICRONAUT,
                "IntrospectedClient", "<io.micronaut.core.annotation.Introspected>");
    }

    // Core purity

    @Test
    void domainAllowListRejectsOpeningASocket() {
        assertViolation(CorePurityRules.DOMAIN_DEPENDS_ONLY_ON_ALLOWED_PACKAGES,
                "SocketOpeningPolicy.isReachable(", "<java.net.Socket.<init>(java.lang.String, int)>");
    }

    @Test
    void domainAllowListRejectsReadingAFile() {
        assertViolation(CorePurityRules.DOMAIN_DEPENDS_ONLY_ON_ALLOWED_PACKAGES,
                "FileReadingPolicy.firstByte(", "<java.io.FileInputStream.<init>(java.lang.String)>");
    }

    @Test
    void domainAllowListRejectsConcurrentTypes() {
        assertViolation(CorePurityRules.DOMAIN_DEPENDS_ONLY_ON_ALLOWED_PACKAGES,
                "CountingPolicy.decide()", "<java.util.concurrent.atomic.AtomicLong.incrementAndGet()>");
    }

    @Test
    void domainAllowListRejectsFrameworkAnnotations() {
        assertViolation(CorePurityRules.DOMAIN_DEPENDS_ONLY_ON_ALLOWED_PACKAGES,
                "InjectablePolicy", "<jakarta.inject.Singleton>");
    }

    @Test
    void frameworkAnnotationBanRejectsAnAnnotatedDomainClass() {
        assertViolation(CorePurityRules.CORE_CARRIES_NO_FRAMEWORK_ANNOTATIONS,
                "InjectablePolicy", "<jakarta.inject.Singleton>");
    }

    @Test
    void frameworkAnnotationBanRejectsAnAnnotatedApplicationConstructor() {
        assertViolation(CorePurityRules.CORE_CARRIES_NO_FRAMEWORK_ANNOTATIONS,
                "InjectedService.<init>(java.time.Clock)", "<jakarta.inject.Inject>");
    }

    @Test
    void threadBanRejectsStartingAThread() {
        assertViolation(CorePurityRules.CORE_CREATES_NO_THREADS,
                "ThreadStartingService.runInBackground(", "<java.lang.Thread.<init>(java.lang.Runnable)>");
    }

    @Test
    void threadBanRejectsAnExecutor() {
        assertViolation(CorePurityRules.CORE_CREATES_NO_THREADS,
                "ExecutorUsingService.runInBackground(",
                "<java.util.concurrent.Executors.newSingleThreadExecutor()>");
    }

    // Time

    @Test
    void wallClockBanRejectsCurrentTimeMillisInTheDomain() {
        assertViolation(TimeRules.NO_WALL_CLOCK_OUTSIDE_BOOTSTRAP,
                "ClockReadingPolicy.isExpired(long)", "<java.lang.System.currentTimeMillis()>");
    }

    @Test
    void wallClockBanRejectsInstantNowInTheApplication() {
        assertViolation(TimeRules.NO_WALL_CLOCK_OUTSIDE_BOOTSTRAP,
                "WallClockService.stamp()", "<java.time.Instant.now()>");
    }

    @Test
    void wallClockBanRejectsTheSystemClockInAnAdapter() {
        assertViolation(TimeRules.NO_WALL_CLOCK_OUTSIDE_BOOTSTRAP,
                "SystemClockKafkaAdapter.<init>()", "<java.time.Clock.systemUTC()>");
    }

    @Test
    void sleepBanRejectsThreadSleep() {
        assertViolation(TimeRules.NO_SLEEP_OUTSIDE_BOOTSTRAP,
                "SleepingService.backOff(long)", "<java.lang.Thread.sleep(long)>");
    }

    // Coding rules

    @Test
    void fieldInjectionBanRejectsInjectOnAField() {
        assertViolation(CodingRules.NO_FIELD_INJECTION, "FieldInjectedGrpcAdapter.service>", "annotated with @Inject");
    }

    @Test
    void fieldInjectionBanRejectsMicronautValueOnAField() {
        assertViolation(CodingRules.NO_FIELD_INJECTION,
                "ValueInjectedGrpcAdapter.port>", "annotated with @Value");
    }

    @Test
    void javaUtilLoggingBanRejectsAJulLogger() {
        assertViolation(CodingRules.NO_JAVA_UTIL_LOGGING,
                "JulLoggingGrpcAdapter.onRequest(", "<java.util.logging.Logger.info(java.lang.String)>");
    }

    @Test
    void standardStreamBanRejectsPrintingOutsideTheCli() {
        assertViolation(CodingRules.NO_STANDARD_STREAMS_OUTSIDE_CLI,
                "PrintingGrpcAdapter.onRequest(", "<java.lang.System.out>");
    }

    @Test
    void genericExceptionBanRejectsThrowingRuntimeException() {
        assertViolation(CodingRules.NO_GENERIC_EXCEPTIONS,
                "GenericThrowingGrpcAdapter.onRequest(", "<java.lang.RuntimeException.<init>(java.lang.String)>");
    }

    @Test
    void moduleCycleCheckRejectsDomainAndApplicationUsingEachOther() {
        assertViolation(CodingRules.MODULES_ARE_FREE_OF_CYCLES, "Cycle detected: Slice application -> ");
    }

    @Test
    void featureCycleCheckRejectsTwoDomainPackagesUsingEachOther() {
        assertViolation(CodingRules.DOMAIN_FEATURES_ARE_FREE_OF_CYCLES, "Cycle detected: Slice fixtureleft -> ");
    }

    /** Asserts that checking the rule on all fixtures fails with one violation line holding every fragment. */
    private static void assertViolation(ArchRule rule, String... fragmentsOfOneLine) {
        assertThatThrownBy(() -> rule.check(ALL))
                .isInstanceOf(AssertionError.class)
                .satisfies(failure -> assertThat(failure.getMessage().lines())
                        .anySatisfy(line -> assertThat(line).contains(fragmentsOfOneLine)));
    }

    static Stream<Arguments> everyRule() {
        return RULE_HOLDERS.stream()
                .flatMap(holder -> Stream.of(holder.getDeclaredFields()))
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ArchRule.class)
                .map(field -> Arguments.of(field.getDeclaringClass().getSimpleName() + "." + field.getName(),
                        ruleIn(field)));
    }

    private static ArchRule ruleIn(Field field) {
        try {
            return (ArchRule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("rule field is not readable: " + field, e);
        }
    }
}
