package dev.domaindesk.text;

/** Text for CSV files that people open in spreadsheets. */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    /**
     * A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets a
     * leading ', so it is shown as text (OWASP, CSV Injection). The apex host "@" is left alone: alone it is no
     * formula, and a provider's panel wants it as it is.
     */
    public static String neutralised(String text) {
        return text == null || text.isEmpty() || "@".equals(text) || "=+-@\t\r".indexOf(text.charAt(0)) < 0
                ? text : "'" + text;
    }
}
