package pl.mops.reports.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering of the application (README, "Budowa programu"): feature packages (importing, statistics, mrpips03,
 * assessment, audit, publication, runs, scheduling…) stand on the ground floor {@code system} and on the shared
 * {@code database} and {@code rendering}; {@code cli} (the launcher and the commands that span features) sits on
 * top and nothing imports it; no two packages depend on each other in a cycle.
 */
class LayeringTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(LayeringTest::notGeneratedAheadOfTime)
            .importPackages("pl.mops.reports");

    /**
     * not the bean definitions Spring's ahead-of-time processing writes as code (cli.AheadOfTime): a previous build's
     * ({@code …__BeanDefinitions}, {@code …__ApplicationContextInitializer}) stay in target/classes, and the generated
     * registration calls every package from the root one — wiring, not layering
     */
    private static boolean notGeneratedAheadOfTime(com.tngtech.archunit.core.importer.Location location) {
        return !location.contains("__");
    }

    @Test
    void noPackageCycles() {
        slices().matching("pl.mops.reports.(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    @Test
    void theGroundFloorImportsNoFeature() {
        noClasses().that().resideInAPackage("pl.mops.reports.system..")
                .should().dependOnClassesThat(resideInAPackage("pl.mops.reports..")
                        .and(resideOutsideOfPackage("pl.mops.reports.system..")))
                .check(APPLICATION);
    }

    @Test
    void nothingButTheLauncherImportsTheCommandLinePackage() {
        noClasses().that().resideOutsideOfPackages("pl.mops.reports.cli..")
                .and().doNotHaveFullyQualifiedName("pl.mops.reports.MopsReportsApplication")
                .should().dependOnClassesThat().resideInAPackage("pl.mops.reports.cli..")
                .check(APPLICATION);
    }
}
