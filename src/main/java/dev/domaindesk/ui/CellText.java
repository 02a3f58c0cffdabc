package dev.domaindesk.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A cell's text that can change without asking the cell's row to lay out again (see {@link BadgeSlot} for why that
 * matters in a list or table): the graphic of a cell with no text of its own, as wide as the cell, holding an
 * unmanaged label of that size. A new text lays out the label alone; text too long for the cell ends in "…".
 */
public final class CellText extends Region {
    private final Label label = new Label();

    public CellText() {
        getStyleClass().add("cell-text");
        label.setManaged(false);
        label.setMinWidth(0);
        getChildren().add(label);
    }

    public void setText(String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    public String getText() {
        return label.getText();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + label.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + label.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(), getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
