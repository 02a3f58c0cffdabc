package dev.domaindesk.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;

/**
 * Text an admin can select and copy (Ctrl+C, or the context menu) that looks like a label: a read-only text area
 * without frame or scroll bars, as tall as its text wrapped at its width. Labels cannot be selected, and a diagnosis or
 * a value found in DNS is exactly what an admin wants to paste elsewhere.
 */
public final class SelectableText extends TextArea {
    private final Text measure = new Text();

    public SelectableText() {
        getStyleClass().add("selectable-text");
        setEditable(false);
        setWrapText(true);
        setPrefRowCount(1);
        setMinHeight(USE_PREF_SIZE);
    }

    public SelectableText(String text) {
        this();
        setText(text);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : 400;
        measure.setFont(getFont());
        String text = getText();
        measure.setText(text == null || text.isEmpty() ? " " : text);
        // the text area's own content padding, from app.css (.selectable-text .content): 1 px each side, plus a caret
        measure.setWrappingWidth(Math.max(1, w - snappedLeftInset() - snappedRightInset() - 4));
        return Math.ceil(measure.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset() + 4;
    }

    @Override
    protected double computePrefWidth(double height) {
        measure.setFont(getFont());
        measure.setWrappingWidth(0);
        String text = getText();
        measure.setText(text == null || text.isEmpty() ? " " : text);
        return Math.ceil(measure.getLayoutBounds().getWidth()) + snappedLeftInset() + snappedRightInset() + 6;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 40;
    }
}
