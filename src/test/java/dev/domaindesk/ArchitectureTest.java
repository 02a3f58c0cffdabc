package dev.domaindesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.domaindesk");
    }

    /**
     * No two packages depend on each other, however indirectly, the window's included: feature UIs import the shared
     * widgets ({@code ui}), the shell ({@code ui.shell}) imports the features, never the other way.
     */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.domaindesk.(**)").should().beFreeOfCycles()
                .check(classes);
    }

    /** The shared widgets and the features' UIs never reach into the shell that builds the window from them. */
    @Test
    void onlyTheLauncherReachesTheShell() {
        noClasses().that().resideOutsideOfPackages("dev.domaindesk.ui.shell..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("dev.domaindesk.ui.shell..")
                .check(classes);
    }

    /** Services, the store and the composition root never depend on the window (only the launcher opens it). */
    @Test
    void nothingButTheWindowDependsOnTheWindow() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(classes);
    }

    /** The store implements the features' repositories; the HTTP API (client, server, its JSON) is not among them. */
    @Test
    void theStoreNeverImportsTheHttpApi() {
        noClasses().that().resideInAPackage("dev.domaindesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.domaindesk.api..", "dev.domaindesk.files..")
                .check(classes);
    }

    /** Import and export files are read and written without the HTTP client or server. */
    @Test
    void fileFormatsNeverUseTheHttpClientOrServer() {
        noClasses().that().resideInAPackage("dev.domaindesk.files..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.domaindesk.api.client..",
                        "dev.domaindesk.api.server..")
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
