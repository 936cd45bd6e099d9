package dev.keyport.app.ui;

import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.techsenger.jeditermfx.core.util.TermSize;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;

import atlantafx.base.theme.Styles;

import dev.keyport.terminal.SessionState;
import dev.keyport.terminal.SessionStateListener;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.tty.SshTtyConnector;
import dev.keyport.vault.Host;

/**
 * One terminal tab: "Connecting…" while the session comes up (off the FX thread), then the live
 * terminal, or a readable error with Retry. Closing the tab closes the connection.
 */
public final class TerminalTab {

    /** Opens an authenticated connection to a host, reporting its state to {@code listener}; blocking. */
    @FunctionalInterface
    public interface Connector {
        SshConnection connect(Host host, SessionStateListener listener) throws SshFailure;
    }

    private static final Logger LOG = LoggerFactory.getLogger(TerminalTab.class);
    private static final int DEFAULT_COLUMNS = 80;
    private static final int DEFAULT_ROWS = 24;

    private final Host host;
    private final Connector connector;
    private final Executor background;
    private final Tab tab = new Tab();
    private final StackPane root = new StackPane();
    private final TerminalSettings settings;
    private JediTermFxWidget widget;
    private volatile SshConnection connection;
    private volatile ShellChannel shell;
    private volatile boolean closed;
    /** Which connect attempt is current: events of an earlier attempt are ignored. */
    private volatile int attempt;
    private volatile String disconnectReason;
    private Label status;
    private Label disconnectedLabel;

    TerminalTab(Host host, Connector connector, Executor background, TerminalSettings settings) {
        this.host = host;
        this.connector = connector;
        this.background = background;
        this.settings = settings;
        tab.setText(host.name());
        tab.setGraphic(new FontIcon(Feather.TERMINAL));
        tab.setContent(root);
        tab.setUserData(this);
        root.getStyleClass().add("terminal-tab");
        tab.setOnClosed(e -> close());
    }

    public Tab tab() {
        return tab;
    }

    public Host host() {
        return host;
    }

    /** The terminal widget of the current session (null before the first connect). For tests and actions. */
    public JediTermFxWidget widget() {
        return widget;
    }

    /** Starts (or restarts) the connection. Call on the FX thread. */
    void connect() {
        disposeSession();
        disconnectedLabel = null;
        widget = new KeyportTerminalWidget(DEFAULT_COLUMNS, DEFAULT_ROWS, settings);
        // JediTermFX sends the text of a bare modifier press (a NUL byte on GTK) to the server.
        widget.getPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isModifierKey()) {
                e.consume();
            }
        });
        root.getChildren().setAll(widget.getPane(), connectingOverlay());
        // Keep keys typed while connecting inside this tab (not in the host list, where Enter opens tabs).
        root.setFocusTraversable(true);
        root.requestFocus();
        long started = System.nanoTime();
        background.execute(() -> {
            try {
                SshConnection opened = connector.connect(host, stateListener(++attempt));
                LOG.info("Connected to {} in {} ms", host.name(), (System.nanoTime() - started) / 1_000_000);
                if (closed) {
                    opened.close();
                    return;
                }
                connection = opened;
                Platform.runLater(this::openShell);
            } catch (SshFailure e) {
                LOG.info("Connecting to {} failed: {}", host.name(), e.getMessage());
                Platform.runLater(() -> showProblem("Could not connect to " + host.name(), e.getMessage()));
            } catch (RuntimeException | LinkageError e) {
                // A bug, not a network problem: still say so in the tab rather than spin forever.
                LOG.error("Connecting to {} failed unexpectedly", host.name(), e);
                Platform.runLater(() -> showProblem("Could not connect to " + host.name(),
                        "Keyport hit an unexpected error (" + e.getClass().getSimpleName() + "). Details are in the log."));
            }
        });
    }

    private void openShell() {
        SshConnection opened = connection;
        if (opened == null || closed) {
            return;
        }
        TermSize size = widget.getTerminalPanel().getTerminalSizeFromComponent();
        int columns = size == null || size.getColumns() < 2 ? DEFAULT_COLUMNS : size.getColumns();
        int rows = size == null || size.getRows() < 2 ? DEFAULT_ROWS : size.getRows();
        background.execute(() -> {
            try {
                ShellChannel channel = opened.openShell(columns, rows);
                shell = channel;
                Platform.runLater(() -> attach(channel));
            } catch (SshFailure e) {
                Platform.runLater(() -> showProblem("Could not open a shell on " + host.name(), e.getMessage()));
            }
        });
    }

    private void attach(ShellChannel channel) {
        if (closed) {
            channel.close();
            return;
        }
        widget.createTerminalSession(new SshTtyConnector(channel, host.name()));
        widget.start();
        root.getChildren().setAll(widget.getPane());
        if (host.details().legacyAlgorithms()) {
            root.getChildren().add(legacyWarning());
        }
        focusTerminal();
        channel.onClosed(() -> Platform.runLater(() -> {
            if (!closed && shell == channel) {
                showDisconnected();
            }
        }));
    }

    void focusTerminal() {
        if (widget != null) {
            widget.getTerminalPanel().getCanvas().requestFocus();
        }
    }

    /** Session events arrive on SSH threads; they become the tab's status text on the FX thread. */
    private SessionStateListener stateListener(int thisAttempt) {
        disconnectReason = null;
        return (target, state, reason) -> {
            if (thisAttempt != attempt) {
                return;
            }
            if (state == SessionState.DISCONNECTED) {
                disconnectReason = reason.orElse(null);
                // the shell's end may have drawn the banner already: give it the reason
                Platform.runLater(() -> {
                    if (disconnectedLabel != null && thisAttempt == attempt) {
                        disconnectedLabel.setText(disconnectedText());
                    }
                });
            } else if (state == SessionState.AUTHENTICATING) {
                Platform.runLater(() -> {
                    if (status != null && thisAttempt == attempt) {
                        status.setText("Logging in as " + host.username() + "…");
                    }
                });
            }
        };
    }

    private VBox connectingOverlay() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(40, 40);
        Label label = new Label("Connecting to " + host.username() + "@" + host.address() + ":" + host.port() + "…");
        label.setId("terminal-status");
        status = label;
        VBox box = new VBox(12, progress, label);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("terminal-overlay");
        return box;
    }

    private void showProblem(String title, String message) {
        if (closed) {
            return;
        }
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().addAll("status-icon", Styles.DANGER);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        Label detail = new Label(message);
        detail.setId("terminal-status");
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry-button");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setDefaultButton(true);
        retry.setOnAction(e -> connect());
        Button close = new Button("Close tab");
        close.setOnAction(e -> closeTab());
        HBox buttons = new HBox(8, retry, close);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, icon, heading, detail, buttons);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("terminal-overlay");
        root.getChildren().setAll(box);
        tab.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
    }

    /** The host allows SHA-1 and CBC: say so while the session is open, with a way to dismiss it. */
    private HBox legacyWarning() {
        Label label = new Label("Legacy algorithms are on for " + host.name() + " (SHA-1 signatures, CBC ciphers)."
                + " Turn them off once the server is updated.");
        label.setId("legacy-warning");
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        HBox banner = new HBox(12, new FontIcon(Feather.ALERT_TRIANGLE), label, dismiss);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("terminal-banner");
        banner.setMaxHeight(40);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        dismiss.setOnAction(e -> root.getChildren().remove(banner));
        return banner;
    }

    private String disconnectedText() {
        String reason = disconnectReason;
        return "Disconnected from " + host.name() + (reason == null || reason.isBlank() ? "." : ". " + reason);
    }

    private void showDisconnected() {
        Label label = new Label(disconnectedText());
        disconnectedLabel = label;
        label.setId("terminal-disconnected");
        Button reconnect = new Button("Reconnect", new FontIcon(Feather.REFRESH_CW));
        reconnect.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        reconnect.setOnAction(e -> connect());
        HBox banner = new HBox(12, new FontIcon(Feather.WIFI_OFF), label, reconnect);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("terminal-banner");
        banner.setMaxHeight(40);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        root.getChildren().add(banner);
        tab.setGraphic(new FontIcon(Feather.WIFI_OFF));
    }

    private void closeTab() {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getTabs().remove(tab);
        }
        close();
    }

    private void disposeSession() {
        ShellChannel oldShell = shell;
        SshConnection oldConnection = connection;
        JediTermFxWidget oldWidget = widget;
        shell = null;
        connection = null;
        tab.setGraphic(new FontIcon(Feather.TERMINAL));
        if (oldWidget != null) {
            oldWidget.close();
        }
        if (oldShell != null || oldConnection != null) {
            background.execute(() -> {
                if (oldShell != null) {
                    oldShell.close();
                }
                if (oldConnection != null) {
                    oldConnection.close();
                }
            });
        }
    }

    /** Closes the session and the widget; safe to call more than once. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        disposeSession();
    }
}
