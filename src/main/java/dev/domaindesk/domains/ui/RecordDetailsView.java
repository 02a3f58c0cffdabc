package dev.domaindesk.domains.ui;

import dev.domaindesk.ui.CopyButton;
import dev.domaindesk.ui.SelectableText;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Below the table: what the selected record should be, what DNS returned, and the diagnoses in plain words, all
 * selectable; a diagnosis whose fix is a value to publish shows that value with its own copy button.
 */
final class RecordDetailsView extends ScrollPane {

    RecordDetailsView(RecordsViewModel vm) {
        setId("details");
        setFitToWidth(true);
        getStyleClass().add("details");
        SelectableText expected = value("detailExpected");
        SelectableText found = value("detailFound");
        VBox diagnoses = new VBox(4);
        diagnoses.setId("detailDiagnoses");
        VBox entry = new VBox(2);
        entry.setId("providerEntry");
        Label entryKey = new Label();
        HBox entryRow = row(entryKey, entry);
        entryKey.setPrefWidth(Label.USE_COMPUTED_SIZE); // "In Route 53", "In DigitalOcean": never "In Route…"
        entryKey.setMinWidth(80);
        VBox grid = new VBox(6, row(new Label("Expected"), expected), row(new Label("Found"), found),
                row(new Label("Diagnosis"), diagnoses), entryRow);
        grid.getStyleClass().add("details-grid");
        Label hint = new Label("Select a record to see what DomainDesk expects, what DNS returned, and why they differ.");
        hint.getStyleClass().add("muted-text");
        hint.setWrapText(true);
        VBox content = new VBox(hint, grid);
        content.getStyleClass().add("details-content");
        setContent(content);
        vm.explanationProperty().addListener((obs, old, e) -> {
            boolean shown = e != null;
            grid.setVisible(shown);
            grid.setManaged(shown);
            hint.setVisible(!shown);
            hint.setManaged(!shown);
            if (!shown) {
                return;
            }
            expected.setText((e.purpose().isEmpty() ? "" : e.purpose() + ":  ") + e.expected());
            entry.getChildren().clear();
            entryRow.setVisible(e.entry() != null);
            entryRow.setManaged(e.entry() != null);
            if (e.entry() != null) {
                entryKey.setText("In " + e.entry().provider());
                for (ProviderEntry.Field f : e.entry().fields()) {
                    SelectableText t = new SelectableText(f.label() + ":  " + f.value());
                    t.getStyleClass().add("details-value");
                    entry.getChildren().add(t);
                }
            }
            found.setText(e.found());
            diagnoses.getChildren().clear();
            if (e.lines().isEmpty()) {
                diagnoses.getChildren().add(line("None."));
            }
            for (RecordExplanation.Line l : e.lines()) {
                diagnoses.getChildren().add(line(l.text()));
                if (l.publish() != null) {
                    diagnoses.getChildren().add(fix(l.publish(), vm));
                }
            }
        });
        grid.setVisible(false);
        grid.setManaged(false);
    }

    private static HBox row(Label l, Node value) {
        l.getStyleClass().add("details-key");
        l.setMinWidth(Label.USE_PREF_SIZE); // never "Diagno…" when the value beside it wraps
        l.setPrefWidth(80);
        HBox.setHgrow(value, Priority.ALWAYS);
        HBox row = new HBox(14, l, value);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static SelectableText value(String id) {
        SelectableText t = new SelectableText();
        t.setId(id);
        t.getStyleClass().add("details-value");
        return t;
    }

    private static SelectableText line(String text) {
        SelectableText t = new SelectableText(text);
        t.getStyleClass().add(text.startsWith("Problem") ? "diagnosis-bad" : text.startsWith("Warning") ? "diagnosis-warn" : "diagnosis");
        return t;
    }

    /** The value to publish, in the record's own font, with a button that copies exactly it. */
    private static HBox fix(String value, RecordsViewModel vm) {
        SelectableText text = new SelectableText(value);
        text.getStyleClass().addAll("details-value", "fix-value");
        CopyButton copy = new CopyButton("copy", "Copy the value to publish", () -> vm.copyFix(value));
        copy.getStyleClass().add("copy-fix");
        copy.setFocusTraversable(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(6, text, copy);
        box.getStyleClass().add("fix");
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }
}
