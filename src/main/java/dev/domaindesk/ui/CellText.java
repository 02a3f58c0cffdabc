package dev.domaindesk.ui;

import java.util.Objects;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A cell's text that can change without asking the cell's row to lay out again (see {@link BadgeSlot} for why that
 * matters in a list or table): the graphic of a cell with no text of its own, as wide as the cell, holding an
 * unmanaged label of that size. A new text lays out the label alone; text too long for the cell is cut with an
 * ellipsis. It answers screen readers with the label's text (the cell, having no text, asks its graphic).
 */
public final class CellText extends Region {
    private final Label label = new Label();

    public CellText() {
        getStyleClass().add("cell-text");
        setMinSize(0, USE_PREF_SIZE); // as narrow as the column: the label ends in an ellipsis
        setMaxSize(Double.MAX_VALUE, USE_PREF_SIZE);
        label.setManaged(false);
        label.setMinWidth(0);
        getChildren().add(label);
    }

    public void setText(String text) {
        if (!Objects.equals(text, label.getText())) {
            label.setText(text);
        }
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return attribute == AccessibleAttribute.TEXT ? label.getText() : super.queryAccessibleAttribute(attribute, parameters);
    }

    public String getText() {
        return label.getText();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + label.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + label.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(), getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
