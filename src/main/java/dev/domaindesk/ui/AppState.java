package dev.domaindesk.ui;

import dev.domaindesk.settings.Settings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State the window's parts share (FX thread only): the selected domain's id and the colour theme. */
public final class AppState {
    private final StringProperty selectedDomainId = new SimpleStringProperty();
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>(Settings.Theme.LIGHT);

    public StringProperty selectedDomainIdProperty() {
        return selectedDomainId;
    }

    public String selectedDomainId() {
        return selectedDomainId.get();
    }

    public ObjectProperty<Settings.Theme> themeProperty() {
        return theme;
    }
}
