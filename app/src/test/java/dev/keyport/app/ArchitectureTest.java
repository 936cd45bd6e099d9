package dev.keyport.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The seams of the house: only app uses JavaFX; terminal, vault and sync-format never use each other. */
@AnalyzeClasses(packages = "dev.keyport", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    @ArchTest
    public static final ArchRule onlyAppUsesJavaFx = noClasses()
            .that().resideInAnyPackage("dev.keyport.terminal..", "dev.keyport.vault..", "dev.keyport.syncformat..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.techsenger.jeditermfx.ui..", "atlantafx..", "org.kordamp..");

    @ArchTest
    public static final ArchRule terminalKnowsNoVaultNorTeamFile = noClasses()
            .that().resideInAPackage("dev.keyport.terminal..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.keyport.vault..", "dev.keyport.syncformat..", "dev.keyport.app..");

    @ArchTest
    public static final ArchRule vaultKnowsNoTerminalNorTeamFile = noClasses()
            .that().resideInAPackage("dev.keyport.vault..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.keyport.terminal..", "dev.keyport.syncformat..", "dev.keyport.app..",
                    "org.apache.sshd..");

    @ArchTest
    public static final ArchRule teamFileKnowsNoVaultNorTerminal = noClasses()
            .that().resideInAPackage("dev.keyport.syncformat..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.keyport.terminal..", "dev.keyport.vault..", "dev.keyport.app..");
}
