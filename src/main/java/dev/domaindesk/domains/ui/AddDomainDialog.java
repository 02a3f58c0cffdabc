package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DomainWithRecords;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The add-domain dialog: name with live validation, profile, Add (disabled until the name is valid). */
public final class AddDomainDialog extends Dialog<DomainWithRecords> {

    public AddDomainDialog(Window owner, AddDomainViewModel vm) {
        initOwner(owner);
        setTitle("Add domain");
        setHeaderText("Add a domain to verify its email DNS records");
        getDialogPane().setId("addDomainDialog");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        TextField name = new TextField();
        name.setId("newDomainName");
        name.setPromptText("example.com");
        name.setPrefColumnCount(28);
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<String> profile = new ComboBox<>(vm.profiles());
        profile.setId("profile");
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        Label message = new Label();
        message.setId("addMessage");
        message.setWrapText(true);
        message.setMaxWidth(380);
        message.textProperty().bind(vm.messageProperty());
        // red whenever it explains why the name is refused (it stayed grey when the name was invalid from the start)
        Runnable tone = () -> message.getStyleClass().setAll("label",
                vm.validProperty().get() || vm.messageProperty().get().isEmpty() ? "muted-text" : "field-error");
        vm.validProperty().addListener((obs, old, ok) -> tone.run());
        vm.messageProperty().addListener((obs, old, m) -> tone.run());
        tone.run();
        message.setMinHeight(Label.USE_PREF_SIZE); // the whole message, "did you mean …" included, never cut

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Label domainKey = new Label("Domain");
        Label recordsKey = new Label("Records");
        domainKey.setMinWidth(Label.USE_PREF_SIZE);
        recordsKey.setMinWidth(Label.USE_PREF_SIZE); // never "Reco…"
        grid.addRow(0, domainKey, name);
        grid.add(message, 1, 1);
        grid.addRow(2, recordsKey, profile);
        getDialogPane().setContent(grid);

        ButtonType addType = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(addType, ButtonType.CANCEL);
        Button add = (Button) getDialogPane().lookupButton(addType);
        add.setId("addButton");
        add.disableProperty().bind(vm.canAddProperty().not());
        add.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.add(added -> {
                setResult(added);
                close();
            });
        });
        setResultConverter(button -> null);
        Platform.runLater(name::requestFocus);
    }

    public Optional<DomainWithRecords> ask() {
        return showAndWait();
    }
}
