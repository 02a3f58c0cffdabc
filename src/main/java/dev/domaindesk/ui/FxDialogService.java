package dev.domaindesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    /** The widest a dialog's message gets; a longer one wraps. */
    private static final double MESSAGE_WIDTH = 460;
    private final Window owner;
    private File lastDirectory;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message, yes, no);
        alert.getDialogPane().setId("confirmDialog");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public void error(String title, String message) {
        Alert alert = alert(Alert.AlertType.ERROR, title, message, ButtonType.OK);
        alert.getDialogPane().setId("errorDialog");
        alert.showAndWait();
    }

    @Override
    public void info(String title, String message) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, message, ButtonType.OK);
        alert.getDialogPane().setId("infoDialog");
        alert.showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // selectable (an import error names a file and a field an admin may paste elsewhere), wrapped anywhere a long
        // path or value needs, and never wider than the window: the dialog does not grow past its owner
        SelectableText text = new SelectableText(message);
        text.setId("dialogMessage");
        double room = owner != null && owner.getWidth() > 0 ? owner.getWidth() - 140 : MESSAGE_WIDTH;
        double widest = Math.max(200, Math.min(MESSAGE_WIDTH, room));
        text.setMaxWidth(widest);
        text.setPrefWidth(Math.min(widest, text.prefWidth(-1))); // the dialog sizes itself by this, not by the max
        alert.getDialogPane().setMaxWidth(Math.max(widest + 140, 300));
        alert.getDialogPane().setContent(text);
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            alert.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        return alert;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, String description, String... extensions) {
        FileChooser chooser = chooser(title, description, extensions);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extensions));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null) {
            lastDirectory = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
