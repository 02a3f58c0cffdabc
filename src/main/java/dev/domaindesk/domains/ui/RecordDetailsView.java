package dev.domaindesk.domains.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Below the table: what the selected record should be, what DNS returned, and the diagnoses in plain words. */
final class RecordDetailsView extends ScrollPane {

    RecordDetailsView(RecordsViewModel vm) {
        setId("details");
        setFitToWidth(true);
        getStyleClass().add("details");
        Label expected = value("detailExpected");
        Label found = value("detailFound");
        VBox diagnoses = new VBox(4);
        diagnoses.setId("detailDiagnoses");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("details-grid");
        grid.setHgap(14);
        grid.setVgap(8);
        grid.addRow(0, key("Expected"), expected);
        grid.addRow(1, key("Found"), found);
        grid.addRow(2, key("Diagnosis"), diagnoses);
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
            expected.setText(e.expected());
            found.setText(e.found());
            diagnoses.getChildren().clear();
            if (e.diagnoses().isEmpty()) {
                diagnoses.getChildren().add(line("None."));
            }
            e.diagnoses().forEach(d -> diagnoses.getChildren().add(line(d)));
        });
        grid.setVisible(false);
        grid.setManaged(false);
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-key");
        l.setMinWidth(70);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("details-value");
        return l;
    }

    private static Label line(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(text.startsWith("Problem") ? "diagnosis-bad" : text.startsWith("Warning") ? "diagnosis-warn" : "diagnosis");
        return l;
    }
}
