package dev.domaindesk.history.ui;

import dev.domaindesk.ui.SelectableText;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** The domain's history: a folded pane whose title is the last change; open, the record's timeline and recent changes. */
public final class HistoryView extends TitledPane {

    public HistoryView(HistoryViewModel vm) {
        setId("historyPane");
        getStyleClass().add("history-pane");
        setAnimated(false);
        setExpanded(false); // folded, like the audit: the records table needs the height
        textProperty().bind(vm.titleProperty());

        SelectableText timeline = new SelectableText();
        timeline.setId("historyTimeline");
        timeline.textProperty().bind(vm.timelineProperty());
        Label heading = new Label("Recent changes");
        heading.getStyleClass().add("details-key");
        SelectableText recent = new SelectableText();
        recent.setId("historyRecent");
        recent.textProperty().bind(Bindings.createStringBinding(
                () -> vm.recent().isEmpty() ? "None recorded yet." : String.join("\n", vm.recent()), vm.recent()));
        // the recent changes scroll within a few lines: open, the pane must leave the records table its height
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(recent);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(96);
        scroll.getStyleClass().add("history-scroll");
        setContent(new VBox(6, timeline, heading, scroll));
    }
}
