package studio.timelapse.camera;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import studio.timelapse.shared.architecture.EveryModuleRules;

/** What the camera agent may depend on: docs/decisions/0001-module-layout.md. */
@AnalyzeClasses(packages = "studio.timelapse.camera", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule the_agent_never_links_the_studio = noClasses()
            .should().dependOnClassesThat().resideInAPackage("studio.timelapse.desktop..")
            .because("the agent and the studio are separate programs that talk over the network");

    @ArchTest
    static final ArchRule the_agent_uses_no_javafx_or_jooq = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..")
            .because("it runs headless on a small board; the window and the library database are the studio's");

    @ArchTest
    static final ArchTests every_module = ArchTests.in(EveryModuleRules.class);
}
