package dev.domaindesk.settings.ui;

import dev.domaindesk.settings.Settings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The settings dialog: DNS, checks, schedule, region, theme. Save stays disabled while a field is invalid. */
public final class SettingsDialog extends Dialog<Void> {
    private int row;
    private final GridPane grid = new GridPane();

    public SettingsDialog(Window owner, SettingsViewModel vm) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("DomainDesk settings");
        getDialogPane().setId("settingsDialog");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        grid.setHgap(10);
        grid.setVgap(8);
        field("Resolvers", "settingResolvers", vm.resolversProperty(), "e.g. 1.1.1.1, 9.9.9.9:53 — empty: the system's");
        field("DNS timeout (ms)", "settingTimeout", vm.timeoutMsProperty(), "per query, 100–60000");
        field("Queries in flight", "settingConcurrency", vm.concurrencyProperty(), "1–1000");
        field("Re-check verified every (min)", "settingCadence", vm.cadenceMinutesProperty(), "");
        field("Pending turns failed after (h)", "settingFailAfter", vm.failAfterHoursProperty(), "");
        field("Region", "settingRegion", vm.regionProperty(), "for new domains' records, e.g. us-east-1");
        field("Service API URL", "settingApiUrl", vm.apiUrlProperty(), "");
        ChoiceBox<Settings.Theme> theme = new ChoiceBox<>();
        theme.setId("settingTheme");
        theme.getItems().setAll(Settings.Theme.values());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Settings.Theme t) {
                return t == null ? "" : t == Settings.Theme.LIGHT ? "Light" : "Dark";
            }

            @Override
            public Settings.Theme fromString(String s) {
                return Settings.Theme.parse(s);
            }
        });
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        grid.addRow(row++, new Label("Theme"), theme);
        Label message = new Label();
        message.setId("settingsMessage");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(vm.messageProperty());
        grid.add(message, 0, row, 3, 1);
        getDialogPane().setContent(grid);

        ButtonType saveType = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("saveSettings");
        save.disableProperty().bind(vm.validProperty().not().or(vm.loadedProperty().not()));
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(this::close);
        });
        // the first field, not Cancel (the only button enabled before the settings have loaded)
        setOnShown(e -> javafx.application.Platform.runLater(() -> grid.getChildren().stream()
                .filter(TextField.class::isInstance).findFirst().ifPresent(javafx.scene.Node::requestFocus)));
        vm.load();
    }

    private void field(String label, String id, javafx.beans.property.StringProperty property, String help) {
        TextField text = new TextField();
        text.setId(id);
        text.setPrefColumnCount(22);
        text.textProperty().bindBidirectional(property);
        Label note = new Label(help);
        note.getStyleClass().add("muted-text");
        grid.addRow(row++, new Label(label), text, note);
    }
}
