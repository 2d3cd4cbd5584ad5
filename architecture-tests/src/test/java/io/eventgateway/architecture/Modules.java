package io.eventgateway.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** Package patterns of the modules (DESIGN.md §3) and the class sets the rules single out. */
final class Modules {

    static final String ROOT = "io.eventgateway";
    static final String DOMAIN = "io.eventgateway.domain..";
    static final String APPLICATION = "io.eventgateway.application..";
    static final String PROTOCOL = "io.eventgateway.protocol..";
    static final String ADAPTERS = "io.eventgateway.adapters..";
    static final String ADAPTERS_KAFKA = "io.eventgateway.adapters.kafka..";
    static final String ADAPTERS_GRPC = "io.eventgateway.adapters.grpc..";
    static final String ADAPTERS_S3 = "io.eventgateway.adapters.s3..";
    static final String SDK = "io.eventgateway.sdk..";
    static final String BOOTSTRAP = "io.eventgateway.bootstrap..";
    static final String BOOTSTRAP_CLI = "io.eventgateway.bootstrap.cli..";
    /** Adapters' in-process Kafka broker and S3 server: third-party servers that keep their own time. */
    static final String EMBEDDED_SERVERS = "io.eventgateway.adapters.*.embedded..";

    static final DescribedPredicate<JavaClass> FRAMEWORKS = resideInAnyPackage(
            "io.micronaut..", "jakarta..", "javax..", "org.apache.kafka..", "io.grpc..", "com.google.protobuf..",
            "software.amazon..", "org.gaul..")
            .as("framework or client-library classes");

    static final DescribedPredicate<JavaClass> MICRONAUT = resideInAnyPackage("io.micronaut..", "jakarta.inject..")
            .as("Micronaut or jakarta.inject classes");

    /**
     * Code we do not write: protoc/grpc output in the protocol module (it throws RuntimeException), and
     * Micronaut's compile-time bean definitions ({@code $Foo$Definition} and friends), which carry
     * {@code @Generated}.
     */
    static final DescribedPredicate<JavaClass> GENERATED_CODE = resideInAPackage(PROTOCOL)
            .or(annotatedWith("io.micronaut.core.annotation.Generated"))
            .as("generated code");

    private Modules() {
    }
}
