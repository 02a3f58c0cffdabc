package dev.domaindesk.ui;

import dev.domaindesk.settings.Settings;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State the window's parts share (FX thread only): the selected domain's id, the theme, a store revision. */
public final class AppState {
    private final StringProperty selectedDomainId = new SimpleStringProperty();
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>(Settings.Theme.LIGHT);

    private final LongProperty storeRevision = new SimpleLongProperty();
    /** The resolvers last saved in Settings (null until then): a change means DNS answers may differ now. */
    private final ObjectProperty<java.util.List<String>> resolvers = new SimpleObjectProperty<>();
    private final RunOutcome runOutcome = new RunOutcome();

    /** What the last manual check run did to its domains (the status bar's summary, the list's filter). */
    public RunOutcome runOutcome() {
        return runOutcome;
    }

    public ObjectProperty<java.util.List<String>> resolversProperty() {
        return resolvers;
    }

    /** Bumped after a change to many domains at once (an import): lists reload. */
    public LongProperty storeRevisionProperty() {
        return storeRevision;
    }

    public void storeChanged() {
        storeRevision.set(storeRevision.get() + 1);
    }

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
