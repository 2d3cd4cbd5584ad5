package io.eventgateway.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Runs every rule over the production classes of all modules. Test classes, including the fixtures that
 * {@link RulesBiteTest} feeds to the same rules, are left out of the import (see {@link ImportScopeTest}).
 */
@AnalyzeClasses(packages = Modules.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests LAYERING = ArchTests.in(LayeringRules.class);

    @ArchTest
    static final ArchTests CORE_PURITY = ArchTests.in(CorePurityRules.class);

    @ArchTest
    static final ArchTests TIME = ArchTests.in(TimeRules.class);

    @ArchTest
    static final ArchTests CODING = ArchTests.in(CodingRules.class);
}
