package dev.domaindesk.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain left-aligned text table for terminal output. */
final class TextTable {
    private static final int CHUNK = 1 << 16;
    private static final String SPACES = " ".repeat(256);
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        rows.add(cells(cells));
        return this;
    }

    /** A row rendered ahead ({@link #cells}). */
    void add(String[] row) {
        rows.add(row);
    }

    /** Each cell as it is shown ("-" for none). */
    static String[] cells(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "-" : cells[i].toString();
        }
        return text;
    }

    /** Prints the rows padded to their columns, a chunk at a time: a bulk check prints a row per record. */
    void print(PrintStream out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String lineEnd = System.lineSeparator();
        StringBuilder sb = new StringBuilder(CHUNK + 1024);
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                sb.append(row[i]);
                if (i < columns - 1) {
                    for (int pad = widths[i] - row[i].length() + 2; pad > 0; pad -= SPACES.length()) {
                        sb.append(SPACES, 0, Math.min(pad, SPACES.length()));
                    }
                }
            }
            sb.append(lineEnd);
            if (sb.length() >= CHUNK) {
                write(out, sb);
                sb.setLength(0);
            }
        }
        write(out, sb);
    }

    /** Standard output takes the chunk encoded in one go: a PrintStream encodes text through a small buffer. */
    private static void write(PrintStream out, StringBuilder chunk) {
        if (out instanceof StandardOutput standard) {
            standard.writeText(chunk);
        } else {
            out.append(chunk);
        }
    }
}
