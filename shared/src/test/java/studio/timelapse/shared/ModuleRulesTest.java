package studio.timelapse.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import studio.timelapse.shared.architecture.EveryModuleRules;

/** What shared may depend on: docs/decisions/0001-module-layout.md. */
@AnalyzeClasses(packages = "studio.timelapse.shared", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule shared_uses_no_ui_web_server_hardware_or_database_library = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "io.javalin..", "org.eclipse.jetty..", "com.pi4j..", "org.jooq..")
            .because("both programs load shared: the agent must stay small and the studio has no camera hardware");

    @ArchTest
    static final ArchTests every_module = ArchTests.in(EveryModuleRules.class);
}
