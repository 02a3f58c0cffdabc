package dev.domaindesk.domains.ui;

import dev.domaindesk.ui.BadgeSlot;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TableCell;

/**
 * A records-table cell whose value is the row itself, watching one of the row's properties. With the property as the
 * cell's value, the table would mark the cell for layout on every change, and one row to lay out makes a table
 * re-index and refill every visible row (see {@link BadgeSlot}); {@link #show} changes the cell's graphic in place.
 */
abstract class WatchingCell<P> extends TableCell<RecordRow, RecordRow> {
    private final Function<RecordRow, ObservableValue<P>> property;
    private final ChangeListener<P> changed = (obs, old, now) -> show(now);
    private final Node graphic;
    private RecordRow watched;

    WatchingCell(Function<RecordRow, ObservableValue<P>> property, Node graphic) {
        this.property = property;
        this.graphic = graphic;
    }

    @Override
    protected void updateItem(RecordRow row, boolean empty) {
        super.updateItem(row, empty);
        RecordRow now = empty ? null : row;
        if (watched != now) {
            if (watched != null) {
                property.apply(watched).removeListener(changed);
            }
            watched = now;
            if (now != null) {
                property.apply(now).addListener(changed);
            }
        }
        show(now == null ? null : property.apply(now).getValue());
        setGraphic(now == null ? null : graphic);
    }

    /** Shows the watched value (null: an empty row). */
    abstract void show(P value);
}
