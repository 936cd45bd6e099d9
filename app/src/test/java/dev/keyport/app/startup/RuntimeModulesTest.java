package dev.keyport.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installers ship a runtime with only the JDK modules in installers/modules.txt (jlink). This
 * runs the demo and one connection on it ({@link DemoConnectRun}) in a JVM that sees only those
 * modules ({@code --limit-modules}, what jlink would leave), so a module loaded at run time and
 * missing from the list (a security provider, a charset) fails here rather than for a user.
 */
class RuntimeModulesTest {

    /** Modules the test run needs and the app does not: none of them may hide a missing app module. */
    private static final List<String> TEST_ONLY = List.of();

    @TempDir
    Path home;

    @Test
    void theDemoConnectsOnARuntimeWithOnlyTheInstallersModules() throws Exception {
        List<String> modules = new ArrayList<>(modules());
        modules.addAll(TEST_ONLY);
        Path output = home.resolve("run.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--limit-modules", String.join(",", modules),
                "-Xmx384m",
                "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + home,
                "-Djava.awt.headless=true", "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Djavafx.cachedir=" + home.resolve("openjfx-cache"),
                "-cp", System.getProperty("java.class.path"),
                DemoConnectRun.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(ended).as("the demo run ended; its output:\n%s", log).isTrue();
        assertThat(log).as("the run's output").doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException")
                .doesNotContain("UNCAUGHT").contains("CONNECTED");
        assertThat(process.exitValue()).as("exit status; output:\n%s", log).isZero();
    }

    @Test
    void theModuleListIsWhatTheInstallerScriptReads() throws Exception {
        assertThat(modules()).contains("java.base", "java.desktop", "jdk.crypto.ec")
                .allMatch(m -> m.matches("[a-z][a-z0-9.]*"), "module names")
                .doesNotHaveDuplicates();
    }

    static List<String> modules() throws Exception {
        Path file = Path.of("..", "installers", "modules.txt");
        return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toList());
    }
}
