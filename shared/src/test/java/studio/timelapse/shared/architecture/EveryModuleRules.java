package studio.timelapse.shared.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Rules that hold in every module. Each module's {@code ModuleRulesTest} includes them with
 * {@code ArchTests.in(EveryModuleRules.class)}; they come to camera and desktop through shared's test jar.
 */
public final class EveryModuleRules {
    private EveryModuleRules() {}

    @ArchTest
    public static final ArchRule javafx_is_used_only_in_ui_packages = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("view-models and the core must run and be tested without a JavaFX toolkit");
}
