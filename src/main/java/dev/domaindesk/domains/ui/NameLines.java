package dev.domaindesk.domains.ui;

import java.util.regex.Pattern;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Breaks a DNS name into lines after its dots, so a name too wide for its cell wraps between labels
 * ({@code s1abc…._domainkey.} / {@code example.com}), never inside one ({@code _domai} / {@code nkey}). JavaFX wraps
 * text at spaces only and cuts a longer word anywhere; a zero-width space is not a break for it either.
 */
final class NameLines {
    private static final Pattern NAME = Pattern.compile("[^\\s]+\\.[^\\s]+");
    private static final Text MEASURE = new Text();

    private NameLines() {
    }

    /** {@code text} with line breaks after dots to fit {@code width}; text that is not one DNS name is left alone. */
    static String wrap(String text, Font font, double width) {
        if (text == null || width <= 0 || !NAME.matcher(text).matches() || width(text, font) <= width) {
            return text;
        }
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int start = 0;
        while (start < text.length()) {
            int dot = text.indexOf('.', start);
            String piece = dot < 0 ? text.substring(start) : text.substring(start, dot + 1);
            start += piece.length();
            if (line.length() > 0 && width(line + piece, font) > width) {
                lines.append(line).append('\n');
                line.setLength(0);
            }
            line.append(piece); // a single label wider than the cell still wraps where JavaFX cuts it
        }
        return lines.append(line).toString();
    }

    private static double width(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
