package dev.domaindesk.ui.testing;

import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a test's scene at the scene's size on TestFX's primary stage. */
public final class TestStage {
    private TestStage() {
    }

    /**
     * TestFX shows every test on one primary stage. A width or height that an earlier test set on it stays after
     * setScene, so a 1100x720 scene can open in a window 560 px wide. The scene's own size is put back first.
     */
    public static void show(Stage stage, Scene scene) {
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }
}
