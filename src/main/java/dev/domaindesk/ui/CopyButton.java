package dev.domaindesk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A small flat button that copies something; it shows a tick for a moment after a click. */
public final class CopyButton extends Button {

    public CopyButton(String tooltip, Runnable copy) {
        this(null, tooltip, copy);
    }

    public CopyButton(String text, String tooltip, Runnable copy) {
        super(text, new FontIcon(MaterialDesignC.CONTENT_COPY));
        getStyleClass().add("copy-button");
        setTooltip(new Tooltip(tooltip));
        setAccessibleText(tooltip);
        setFocusTraversable(false);
        setMinWidth(USE_PREF_SIZE);
        setOnAction(e -> {
            copy.run();
            setGraphic(new FontIcon(MaterialDesignC.CHECK));
            getStyleClass().add("copied");
            javafx.animation.PauseTransition back = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1.2));
            back.setOnFinished(done -> {
                setGraphic(new FontIcon(MaterialDesignC.CONTENT_COPY));
                getStyleClass().remove("copied");
            });
            back.play();
        });
    }
}
