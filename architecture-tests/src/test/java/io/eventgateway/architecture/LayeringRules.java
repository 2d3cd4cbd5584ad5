package io.eventgateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static io.eventgateway.architecture.Modules.ADAPTERS_GRPC;
import static io.eventgateway.architecture.Modules.ADAPTERS_KAFKA;
import static io.eventgateway.architecture.Modules.ADAPTERS_S3;
import static io.eventgateway.architecture.Modules.APPLICATION;
import static io.eventgateway.architecture.Modules.BOOTSTRAP;
import static io.eventgateway.architecture.Modules.DOMAIN;
import static io.eventgateway.architecture.Modules.MICRONAUT;
import static io.eventgateway.architecture.Modules.PROTOCOL;
import static io.eventgateway.architecture.Modules.SDK;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module graph of DESIGN.md §3, checked on the classes themselves (convention 1). */
final class LayeringRules {

    @ArchTest
    static final ArchRule MODULES_DEPEND_INWARD = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // Modules are filled one at a time; an empty one has nothing to break.
            .withOptionalLayers(true)
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Protocol").definedBy(PROTOCOL)
            .layer("Kafka adapter").definedBy(ADAPTERS_KAFKA)
            .layer("gRPC adapter").definedBy(ADAPTERS_GRPC)
            .layer("S3 adapter").definedBy(ADAPTERS_S3)
            .layer("SDK").definedBy(SDK)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Domain").mayNotAccessAnyLayer()
            .whereLayer("Application").mayOnlyAccessLayers("Domain")
            .whereLayer("Protocol").mayNotAccessAnyLayer()
            .whereLayer("Kafka adapter").mayOnlyAccessLayers("Application", "Domain", "Protocol")
            .whereLayer("gRPC adapter").mayOnlyAccessLayers("Application", "Domain", "Protocol")
            .whereLayer("S3 adapter").mayOnlyAccessLayers("Application", "Domain", "Protocol")
            .whereLayer("SDK").mayOnlyAccessLayers("Protocol")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            // A class outside every module (say io.eventgateway.util) would escape all the rules here.
            .ensureAllClassesAreContainedInArchitecture()
            .because("dependencies point inward (adapters -> application -> domain), protocol is a leaf contract, "
                    + "the SDK ships to users with the protocol only, and only bootstrap sees every module");

    @ArchTest
    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .matching("io.eventgateway.adapters.(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true)
            .because("each adapter implements application ports on its own; only bootstrap combines them");

    @ArchTest
    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_JDK_AND_DOMAIN = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .allowEmptyShould(true)
            .because("use cases speak to the outside world through their ports, which adapters implement");

    @ArchTest
    static final ArchRule SDK_DOES_NOT_USE_MICRONAUT = noClasses()
            .that().resideInAPackage(SDK)
            .should().dependOnClassesThat(MICRONAUT)
            .allowEmptyShould(true)
            .because("the SDK is a plain library for users' processes, which must not be made to run Micronaut");

    private LayeringRules() {
    }
}
