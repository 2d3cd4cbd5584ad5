package io.eventgateway.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ANNOTATIONS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.eventgateway.architecture.Modules.APPLICATION;
import static io.eventgateway.architecture.Modules.DOMAIN;
import static io.eventgateway.architecture.Modules.FRAMEWORKS;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** What keeps domain and application pure: no I/O, no threads, no framework (conventions 5, 6, 11). */
final class CorePurityRules {

    @ArchTest
    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_ALLOWED_PACKAGES = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(resideInAnyPackage(
                            DOMAIN, "java.lang..", "java.time..", "java.math..", "java.nio", "java.nio.charset..")
                    .or(resideInAPackage("java.util..").and(not(resideInAnyPackage(
                            "java.util.logging..", "java.util.concurrent..", "java.util.prefs..")))))
            .because("the domain is pure logic that returns decisions: no I/O (files, sockets, SQL), no threads "
                    + "or concurrent collections (it never runs on more than one), no logging and no framework");

    @ArchTest
    static final ArchRule CORE_CARRIES_NO_FRAMEWORK_ANNOTATIONS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat(ANNOTATIONS.and(FRAMEWORKS))
            .because("domain and application classes are created by hand in a bootstrap @Factory, so they stay "
                    + "framework-free and testable without a container");

    @ArchTest
    static final ArchRule CORE_CREATES_NO_THREADS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().beAssignableTo(Thread.class)
            .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
            .orShould().dependOnClassesThat().areAssignableTo(ThreadFactory.class)
            .because("logic decides and adapters act: threads belong to adapters and bootstrap, where they are "
                    + "bounded, named and shut down");

    private CorePurityRules() {
    }
}
