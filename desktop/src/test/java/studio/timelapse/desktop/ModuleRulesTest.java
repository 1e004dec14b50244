package studio.timelapse.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import studio.timelapse.shared.architecture.EveryModuleRules;

/** What the studio may depend on: docs/decisions/0001-module-layout.md. */
@AnalyzeClasses(packages = "studio.timelapse.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule only_the_demo_launcher_links_the_camera_agent = noClasses()
            .that().resideOutsideOfPackage("studio.timelapse.desktop.demo..")
            .should().dependOnClassesThat().resideInAPackage("studio.timelapse.camera..")
            .because("the studio reaches agents over the network; only the demo starts one, in its own process");

    @ArchTest
    static final ArchRule the_studio_never_touches_camera_hardware = noClasses()
            .should().dependOnClassesThat().resideInAPackage("com.pi4j..")
            .because("GPIO and camera hardware belong to the agent on the Pi");

    @ArchTest
    static final ArchRule jooq_and_the_schema_stay_inside_the_library = noClasses()
            .that().resideOutsideOfPackage("studio.timelapse.desktop.library..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "studio.timelapse.desktop.library.schema..")
            .because("features reach the tables through the library's small repositories (Frames.of(library), …),"
                    + " so the schema can change behind them");

    @ArchTest
    static final ArchRule ui_libraries_are_used_only_in_ui_packages = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the core and the command line run without a JavaFX toolkit; the window is a shell over them");

    @ArchTest
    static final ArchRule view_models_never_touch_a_node = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view-models hold properties, collections and commands, and are tested without a stage");

    @ArchTest
    static final ArchTests every_module = ArchTests.in(EveryModuleRules.class);
}
