package dev.domaindesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final DescribedPredicate<JavaClass> UI = DescribedPredicate.describe("a window class",
            c -> c.getPackageName().equals("dev.domaindesk.ui") || c.getPackageName().endsWith(".ui"));
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.domaindesk");
    }

    /**
     * No two packages depend on each other, however indirectly. The window's packages ({@code ui} and the
     * features' {@code ui}) are exempt among themselves until the shell has a package of its own.
     */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.domaindesk.(**)").should().beFreeOfCycles()
                .ignoreDependency(UI, UI)
                .check(classes);
    }

    @Test
    void servicesNeverImportJavaFx() {
        noClasses().that().resideOutsideOfPackages("..ui..", "dev.domaindesk.app..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
                .check(classes);
    }

    /** Views and view models reach the store, DNS and JSON only through services. */
    @Test
    void windowCodeNeverTouchesJdbcDnsOrJson() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.xbill..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void viewModelsNeverReachTheStore() {
        noClasses().that().resideInAPackage("..ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("dev.domaindesk.store..")
                .check(classes);
    }

    @Test
    void theCommandLineNeverLoadsTheWindow() {
        noClasses().that().resideInAPackage("dev.domaindesk.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..ui..")
                .check(classes);
    }

}
