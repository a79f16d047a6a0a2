package io.commandpost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules every CommandPost module keeps, checked on its production classes. A module's test extends this
 * class and names its root package: no package cycles, pure domain cores that import no framework, and no
 * import of another service.
 */
public abstract class ServiceArchitectureTest {

    /** Root packages of the deployable services; none may depend on another. */
    static final List<String> SERVICES = List.of(
            "io.commandpost.ingest", "io.commandpost.rotation", "io.commandpost.incident",
            "io.commandpost.notification", "io.commandpost.console");

    /** What a pure core (state, evolve, decide, tick) must not touch: frameworks, I/O adapters, JSON binding. */
    static final String[] FRAMEWORKS = {
            "jakarta..", "javax..", "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..", "io.vertx..",
            "io.agroal..", "org.apache.kafka..", "java.sql..", "java.net.http..", "com.fasterxml.jackson..",
            "io.micrometer..", "org.jboss..", "io.commandpost.platform.http..", "io.commandpost.platform.eventing..",
            "io.commandpost.platform.config.."};

    private final String rootPackage;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String rootPackage) {
        this.rootPackage = rootPackage;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(rootPackage + ".(*)..")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void pureCoresImportNoFramework() {
        noClasses().that(arePureCore())
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noOtherServiceIsImported() {
        String[] others = SERVICES.stream()
                .filter(service -> !service.equals(rootPackage))
                .map(service -> service + "..")
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Pure cores: deciders and folds by name ({@code *Decider}, {@code *Evolution}, {@code *Lifecycle}), whatever
     * implements the platform's decider, and every class of a {@code domain} or {@code duty} package.
     */
    static DescribedPredicate<JavaClass> arePureCore() {
        return DescribedPredicate.describe("are a pure domain core", javaClass ->
                endsWithAny(javaClass.getSimpleName(), "Decider", "Evolution", "Lifecycle")
                        || javaClass.getPackageName().matches(".*\\.(domain|duty)(\\..*)?")
                        || javaClass.isAssignableTo("io.commandpost.platform.command.Decider"));
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        return Arrays.stream(suffixes).anyMatch(name::endsWith);
    }
}
