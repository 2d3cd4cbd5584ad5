package io.eventgateway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import io.eventgateway.domain.priority.Priority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ArchitectureTest} must judge production code only: the fixtures break rules on purpose and would
 * fail it, and a missing module would pass it vacuously. Imports exactly as its {@link AnalyzeClasses} says.
 */
class ImportScopeTest {

    private static JavaClasses analyzed;

    @BeforeAll
    static void importLikeTheArchitectureTest() throws ReflectiveOperationException {
        AnalyzeClasses analyze = ArchitectureTest.class.getAnnotation(AnalyzeClasses.class);
        ClassFileImporter importer = new ClassFileImporter();
        for (Class<? extends ImportOption> option : analyze.importOptions()) {
            importer = importer.withImportOption(option.getDeclaredConstructor().newInstance());
        }
        analyzed = importer.importPackages(analyze.packages());
    }

    @Test
    void theArchitectureTestSeesProductionClasses() {
        assertThat(analyzed.contain(Priority.class)).isTrue();
    }

    @Test
    void theArchitectureTestDoesNotSeeTheOffendingFixtures() {
        assertThat(RulesBiteTest.OFFENDING_FIXTURES).noneMatch(analyzed::contain);
    }

    @Test
    void theArchitectureTestDoesNotSeeTheCleanFixtures() {
        assertThat(RulesBiteTest.CLEAN_FIXTURES).noneMatch(analyzed::contain);
    }

    @Test
    void theArchitectureTestDoesNotSeeItsOwnTestClasses() {
        assertThat(analyzed.contain(RulesBiteTest.class)).isFalse();
    }
}
