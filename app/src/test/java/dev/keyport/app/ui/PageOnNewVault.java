package dev.keyport.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.scene.Parent;
import javafx.stage.Stage;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

import dev.keyport.app.KeyportContext;

/**
 * One page of the window on its own TestFX stage over the real application on a new vault in a temp dir
 * ({@link PageHarness}): built by the test from the application's services, shown before each test, then told
 * on the FX thread that it shows (a page loads its list then); closed after each test, which fails the test when
 * the FX thread did blocking work. Register it with {@code @RegisterExtension} in a class that has
 * {@code @ExtendWith(ApplicationExtension.class)}.
 */
public final class PageOnNewVault implements BeforeEachCallback, AfterEachCallback {

    /** Builds the page (off the FX thread) on the application wired on the new vault. */
    public interface Page<P extends Parent> {
        P build(KeyportContext context) throws Exception;
    }

    private final Page<? extends Parent> page;
    private final Consumer<Parent> shown;
    private Path dir;
    private PageHarness harness;

    private PageOnNewVault(Page<? extends Parent> page, Consumer<Parent> shown) {
        this.page = page;
        this.shown = shown;
    }

    /** The page {@code page} builds; {@code shown} runs on the FX thread once it shows ({@code KeysView::reload}, say). */
    @SuppressWarnings("unchecked")
    public static <P extends Parent> PageOnNewVault showing(Page<P> page, Consumer<? super P> shown) {
        return new PageOnNewVault(page, p -> shown.accept((P) p));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("keyport-page-");
        Stage stage = FxToolkit.registerPrimaryStage(); // the stage the class's @Start methods were given
        harness = PageHarness.open(dir.resolve("data"), () -> stage);
        Parent built = page.build(harness.context);
        harness.showFromTest(stage, built);
        KeyportHarness.fx(() -> shown.accept(built));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (harness != null) {
                harness.close();
            }
        } finally {
            WindowOnNewVault.deleteTree(dir);
        }
    }

    public KeyportContext context() {
        return harness.context;
    }

    /** The stage the page shows in (TestFX's primary stage). */
    public Stage stage() {
        return harness.stage();
    }
}
