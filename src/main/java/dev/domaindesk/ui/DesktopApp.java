package dev.domaindesk.ui;

import dev.domaindesk.app.DataDirectory;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the DomainDesk window over one data directory. */
public class DesktopApp extends Application {
    private static Path dataDir;

    /** Opens the window on {@code dataDirOption} (null: the default data directory) and returns when it closes. */
    public static void open(String dataDirOption) {
        dataDir = DataDirectory.resolve(dataDirOption);
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("DomainDesk");
        stage.setScene(new Scene(new Label("DomainDesk — " + dataDir), 900, 600));
        stage.show();
    }
}
