package io.eventgateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.eventgateway.architecture.Modules.BOOTSTRAP_CLI;
import static io.eventgateway.architecture.Modules.GENERATED_CODE;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** General coding rules (convention 16) over the code we write; generated code is exempt. */
final class CodingRules {

    @ArchTest
    static final ArchRule NO_FIELD_INJECTION = noFields()
            .that().areDeclaredInClassesThat(are(not(GENERATED_CODE)))
            .should(BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION)
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Value")
            .orShould().beAnnotatedWith("io.micronaut.context.annotation.Property")
            .because("constructor injection keeps fields final and makes every dependency visible to a test");

    /** Wider than GeneralCodingRules' version, which only catches assignments to a JUL-typed field. */
    @ArchTest
    static final ArchRule NO_JAVA_UTIL_LOGGING = noClasses()
            .that(are(not(GENERATED_CODE)))
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("logging goes through SLF4J, configured once in bootstrap");

    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS_OUTSIDE_CLI = noClasses()
            .that(are(not(GENERATED_CODE)))
            .and().resideOutsideOfPackage(BOOTSTRAP_CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .because("only the command line talks to the terminal; everything else logs or reports metrics");

    @ArchTest
    static final ArchRule NO_GENERIC_EXCEPTIONS = noClasses()
            .that(are(not(GENERATED_CODE)))
            .should(THROW_GENERIC_EXCEPTIONS)
            .because("a specific exception says what broke and whether a retry can help (convention 9)");

    @ArchTest
    static final ArchRule MODULES_ARE_FREE_OF_CYCLES = slices()
            .matching("io.eventgateway.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between modules would make them one module");

    @ArchTest
    static final ArchRule DOMAIN_FEATURES_ARE_FREE_OF_CYCLES = featuresAreFreeOfCycles("io.eventgateway.domain.(*)..");

    @ArchTest
    static final ArchRule APPLICATION_FEATURES_ARE_FREE_OF_CYCLES =
            featuresAreFreeOfCycles("io.eventgateway.application.(*)..");

    /** Per adapter: the first capture names the adapter, the second its feature package. */
    @ArchTest
    static final ArchRule ADAPTER_FEATURES_ARE_FREE_OF_CYCLES =
            featuresAreFreeOfCycles("io.eventgateway.adapters.(*).(*)..");

    @ArchTest
    static final ArchRule SDK_FEATURES_ARE_FREE_OF_CYCLES = featuresAreFreeOfCycles("io.eventgateway.sdk.(*)..");

    @ArchTest
    static final ArchRule BOOTSTRAP_FEATURES_ARE_FREE_OF_CYCLES =
            featuresAreFreeOfCycles("io.eventgateway.bootstrap.(*)..");

    private static ArchRule featuresAreFreeOfCycles(String slicePattern) {
        return slices()
                .matching(slicePattern)
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("feature packages build on each other in one direction, so each can be read on its own");
    }

    private CodingRules() {
    }
}
