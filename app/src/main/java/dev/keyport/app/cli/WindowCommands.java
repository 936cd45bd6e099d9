package dev.keyport.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.instance.InstanceHandler;
import dev.keyport.app.instance.InstanceReply;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.tunnels.TunnelListener;
import dev.keyport.app.tunnels.TunnelService;
import dev.keyport.app.tunnels.TunnelState;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.VaultException;

/**
 * The window's side of the command line beside it: serves the {@link InstanceRequest} verbs the CLI
 * sends while the window holds the vault ({@link RunningWindow}), with the window's own services, so
 * a tunnel switched on here shows switched on in the window. FX-free: what needs the window (a tab,
 * the import preview) goes through {@link Window}. Nothing secret is ever sent: names, states and
 * the same tables the command line prints.
 */
public final class WindowCommands {

    /** What the person sees when the window's vault is locked. */
    public static final String LOCKED = "Keyport is locked: unlock it in the window, then run this again.";
    private static final Logger LOG = LoggerFactory.getLogger(WindowCommands.class);
    private static final int MAX_TUNNELS = 32;

    /** What only the window can do; both return at once (the work goes to the UI thread). */
    public interface Window {
        /** Opens a terminal tab connected to {@code host}. */
        void openTab(Host host);

        /** Opens the import preview of {@code file}; the person confirms the import there. */
        void openImport(Path file);
    }

    private final KeyportContext context;
    private final Window window;

    public WindowCommands(KeyportContext context, Window window) {
        this.context = context;
        this.window = window;
    }

    /** Serves one request from the command line (on the instance channel's thread for it). */
    public InstanceReply handle(InstanceRequest request, InstanceHandler.Conversation conversation) throws IOException {
        if (context.vault().isLocked()) {
            return InstanceReply.refused(LOCKED);
        }
        List<String> args = request.arguments();
        try {
            switch (request.verb()) {
                case InstanceRequest.CONNECT:
                    return connect(one(request));
                case InstanceRequest.IMPORT:
                    return openImport(one(request));
                case InstanceRequest.HOST_LIST:
                    none(request);
                    return table(conversation, out -> HostCommand.ListHosts.print(context.vault(), out));
                case InstanceRequest.TUNNEL_LIST:
                    none(request);
                    return table(conversation, out -> TunnelCommand.ListTunnels.print(context.vault(), out));
                case InstanceRequest.TUNNEL_UP:
                    return tunnelUp(profiles(args), conversation);
                case InstanceRequest.TUNNEL_DOWN:
                    return tunnelDown(profiles(args), conversation);
                default:
                    return InstanceReply.refused("The Keyport window does not know \"" + Display.escape(request.verb())
                            + "\". Close it and start this version of Keyport instead.");
            }
        } catch (VaultException | IllegalArgumentException e) {
            return InstanceReply.refused(context.vault().isLocked() ? LOCKED : UserMessages.of(e));
        }
    }

    private InstanceReply connect(String which) throws VaultException {
        Host host = HostCommand.find(context.hosts().list(), which);
        window.openTab(host);
        return InstanceReply.ok("Opened " + host.name() + " in the Keyport window.");
    }

    private InstanceReply openImport(String path) {
        Path file = Path.of(path);
        if (!file.isAbsolute()) {
            throw new IllegalArgumentException("The team file's path must be absolute.");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("There is no file " + file + ".");
        }
        window.openImport(file);
        return InstanceReply.ok("The Keyport window shows the import preview of " + file + ": confirm the import there.");
    }

    private interface Printer {
        void print(PrintWriter out) throws VaultException;
    }

    private static InstanceReply table(InstanceHandler.Conversation conversation, Printer printer) throws VaultException, IOException {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            printer.print(out);
        }
        for (String line : text.toString().split("\\R")) {
            conversation.println(line);
        }
        return InstanceReply.ok("");
    }

    private List<ForwardProfile> profiles(List<String> names) throws VaultException {
        if (names.isEmpty() || names.size() > MAX_TUNNELS) {
            throw new IllegalArgumentException("Name between 1 and " + MAX_TUNNELS + " tunnels.");
        }
        List<ForwardProfile> profiles = new ArrayList<>();
        for (String name : names) {
            profiles.add(context.tunnelProfiles().find(name));
        }
        return profiles;
    }

    /**
     * Switches the tunnels on (one that is on already is left as it is, and stays on afterwards),
     * sends each change of state, and when the command line hangs up switches off the ones it switched on.
     */
    private InstanceReply tunnelUp(List<ForwardProfile> profiles, InstanceHandler.Conversation conversation) throws IOException {
        TunnelService tunnels = context.tunnels();
        Map<UUID, String> last = new ConcurrentHashMap<>();
        List<UUID> ours = profiles.stream().map(ForwardProfile::id).toList();
        TunnelListener sender = status -> {
            if (!ours.contains(status.profile().id())) {
                return;
            }
            String line = TunnelCommand.Up.describe(status);
            if (!line.equals(last.put(status.profile().id(), line))) {
                send(conversation, TunnelCommand.Up.stamped(status.profile().name() + ": " + line));
            }
        };
        List<ForwardProfile> switchedOn = new ArrayList<>();
        tunnels.addListener(sender);
        try {
            for (ForwardProfile profile : profiles) {
                if (tunnels.status(profile.id()).map(s -> !(s.state() instanceof TunnelState.Off)).orElse(false)) {
                    conversation.println(TunnelCommand.Up.stamped(profile.name() + ": already on in the Keyport window;"
                            + " it stays on after this command"));
                    sender.changed(tunnels.status(profile));
                } else if (switchedOn.stream().noneMatch(p -> p.id().equals(profile.id()))) {
                    switchedOn.add(profile);
                    tunnels.switchOn(profile);
                }
            }
            conversation.awaitHangUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tunnels.removeListener(sender);
            for (ForwardProfile profile : switchedOn) {
                try {
                    tunnels.switchOffInOrder(profile.id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    tunnels.switchOffAndWait(profile.id());
                }
                send(conversation, TunnelCommand.Up.stamped(profile.name() + ": off"));
            }
        }
        return InstanceReply.ok("");
    }

    private InstanceReply tunnelDown(List<ForwardProfile> profiles, InstanceHandler.Conversation conversation) throws IOException {
        for (ForwardProfile profile : profiles) {
            boolean on = context.tunnels().status(profile.id()).isPresent();
            try {
                context.tunnels().switchOffInOrder(profile.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.tunnels().switchOffAndWait(profile.id());
            }
            conversation.println(on ? "Switched " + profile.name() + " off in the Keyport window." : profile.name() + " was not on.");
        }
        return InstanceReply.ok("");
    }

    private static void send(InstanceHandler.Conversation conversation, String line) {
        try {
            conversation.println(line);
        } catch (IOException e) {
            LOG.debug("The command line left: {}", e.getMessage());
        }
    }

    private static String one(InstanceRequest request) {
        if (request.arguments().size() != 1) {
            throw new IllegalArgumentException("keyport " + request.verb() + " takes one argument.");
        }
        return request.arguments().get(0);
    }

    private static void none(InstanceRequest request) {
        if (!request.arguments().isEmpty()) {
            throw new IllegalArgumentException("keyport " + request.verb().replace('-', ' ') + " takes no arguments.");
        }
    }
}
