package dev.domaindesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A command's {@code --help}: its usage line, then the text of {@code help/COMMAND.txt} beside this class. The text
 * lives in a resource so that a new command needs no change here.
 */
final class CommandHelp {
    private CommandHelp() {
    }

    static String of(String name, Command command) {
        StringBuilder help = new StringBuilder("usage: domaindesk [--data-dir DIR] [--store JDBC-URL] ").append(command.usage()).append('\n');
        try (InputStream in = CommandHelp.class.getResourceAsStream("help/" + name + ".txt")) {
            if (in != null) {
                help.append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing()).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return help.toString();
    }
}
