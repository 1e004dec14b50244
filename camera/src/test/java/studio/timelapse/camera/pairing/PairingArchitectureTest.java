package studio.timelapse.camera.pairing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** No network request can open a pairing window: the rules that keep it so. */
@AnalyzeClasses(packages = "studio.timelapse.camera", importOptions = ImportOption.DoNotIncludeTests.class)
class PairingArchitectureTest {
    private static final DescribedPredicate<JavaClass> SERVE_HTTP = DescribedPredicate.describe(
            "use Javalin or Jetty", type -> type.getDirectDependenciesFromSelf().stream()
                    .map(dependency -> dependency.getTargetClass().getPackageName())
                    .anyMatch(name -> name.startsWith("io.javalin") || name.startsWith("org.eclipse.jetty")));

    @ArchTest
    static final ArchRule pairing_knows_no_http = noClasses()
            .that().resideInAPackage("studio.timelapse.camera.pairing..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
            .because("the pairing window is opened by local actions; HTTP handlers live in camera.security");

    @ArchTest
    static final ArchRule no_http_code_opens_a_pairing_window = noClasses()
            .that(SERVE_HTTP)
            .should().callMethod(PairingWindows.class, "open", Opener.class)
            .because("only the button and the console command may open a pairing window, never a request");
}
