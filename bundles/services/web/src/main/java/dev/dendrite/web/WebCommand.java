package dev.dendrite.web;

import dev.dendrite.options.Arguments;
import dev.dendrite.options.CommandCatalog;
import dev.dendrite.options.CommandException;
import dev.dendrite.options.CommandSyntax;
import dev.dendrite.options.Completion;
import dev.dendrite.options.Option;
import dev.dendrite.options.Quote;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ml:web start [--port N] [--host ADDRESS]}, {@code ml:web stop}, {@code ml:web status}: the web console. */
@Component(service = {WebCommand.class, CommandCatalog.class},
        property = {"osgi.command.scope=ml", "osgi.command.function=web"})
public final class WebCommand implements CommandCatalog {
    static final Option<Integer> PORT = Option.of("port", "N", "TCP port, 1 to 65535", text -> {
        String t = text.trim();
        int port = t.matches("[0-9]{1,5}") ? Integer.parseInt(t) : -1;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(Quote.of(text) + " is not a port number (1 to 65535)");
        }
        return port;
    }).defaultText("8181, or port in etc/" + WebServer.PID + ".cfg");
    static final Option<String> HOST = Option.text("host", "ADDRESS",
            "address to listen on; anything but loopback needs the access token (etc/web.token)").defaultText("127.0.0.1, or host in etc/" + WebServer.PID + ".cfg");

    static final CommandSyntax SYNTAX = CommandSyntax.command("ml:web",
                    "starts, stops or shows the web console (dashboard and JSON API, docs/web.md)")
            .options(List.of(PORT, HOST))
            .argument("ACTION", "start, stop or status", Completion.of("start", "stop", "status"))
            .build();

    private final WebServer server;

    @Activate
    public WebCommand(@Reference WebServer server) {
        this.server = server;
    }

    @Override
    public List<CommandSyntax> commands() {
        return List.of(SYNTAX);
    }

    @Descriptor("starts, stops or shows the web console; ml:web --help lists the options")
    public Object web(@Descriptor("start [--port N] [--host ADDRESS] | stop | status") String... words) {
        return SYNTAX.run(words, option -> null, this::web);
    }

    private String web(Arguments arguments) {
        String action = arguments.positional(0);
        try {
            return switch (action) {
                case "start" -> server.start(arguments.get(HOST), arguments.get(PORT));
                case "stop" -> {
                    refuseOptions(arguments, action);
                    yield server.stop();
                }
                case "status" -> {
                    refuseOptions(arguments, action);
                    String url = server.url();
                    yield url == null ? "web console: off (ml:web start)" : "web console: " + url;
                }
                default -> throw new CommandException("ml:web takes start, stop or status, got " + Quote.of(action)
                        + " (ml:web --help)");
            };
        } catch (IllegalStateException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static void refuseOptions(Arguments arguments, String action) {
        if (arguments.has(PORT) || arguments.has(HOST)) {
            throw new CommandException("ml:web " + action + " takes no --port or --host (ml:web --help)");
        }
    }
}
