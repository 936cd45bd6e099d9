package dev.keyport.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The seams of the house: only app uses JavaFX; terminal, vault and sync-format never use each other.
 * Inside app: the application layer (services, sessions, the composition root, the command line) is
 * FX-free, view models hold no nodes, and views never reach the vault's repositories or the SSH
 * connector (they go through view models and services).
 */
@AnalyzeClasses(packages = "dev.keyport", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    private static final String[] FX = {"javafx..", "com.techsenger.jeditermfx.ui..", "atlantafx..", "org.kordamp.."};

    @ArchTest
    public static final ArchRule onlyAppUsesJavaFx = noClasses()
            .that().resideInAnyPackage("dev.keyport.terminal..", "dev.keyport.vault..", "dev.keyport.syncformat..")
            .should().dependOnClassesThat().resideInAnyPackage(FX);

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

    @ArchTest
    public static final ArchRule applicationLayerIsFxFree = noClasses()
            .that().resideInAnyPackage("dev.keyport.app.session..", "dev.keyport.app.services..", "dev.keyport.app.cli..",
                    "dev.keyport.app.teamfile..", "dev.keyport.app.openssh..", "dev.keyport.app.instance..", "dev.keyport.app.tunnels..")
            .or().haveFullyQualifiedName(KeyportContext.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage(FX);

    @ArchTest
    public static final ArchRule applicationLayerKnowsNoScreens = noClasses()
            .that().resideInAnyPackage("dev.keyport.app.session..", "dev.keyport.app.services..", "dev.keyport.app.teamfile..",
                    "dev.keyport.app.openssh..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.keyport.app.ui..", "dev.keyport.app.cli..");

    @ArchTest
    public static final ArchRule viewModelsHoldNoNodesAndPostThroughTheirExecutor = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                    "com.techsenger.jeditermfx.ui..", "atlantafx..", "org.kordamp..");

    @ArchTest
    public static final ArchRule screensNeverTouchRepositoriesNorTheConnector = noClasses()
            .that().resideInAPackage("dev.keyport.app.ui..")
            .should().dependOnClassesThat(simpleNameEndingWith("Repository").and(resideInAPackage("dev.keyport.vault..")))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.keyport.terminal.ssh.SshConnector")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.keyport.terminal.ssh.SshConnection");
}
