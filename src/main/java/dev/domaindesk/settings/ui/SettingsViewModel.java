package dev.domaindesk.settings.ui;

import dev.domaindesk.settings.Settings;
import dev.domaindesk.settings.SettingsStore;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.UiTasks;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The settings dialog: each field as text, validated as typed, saved in the background. */
public final class SettingsViewModel {
    private final SettingsStore store;
    private final UiTasks tasks;
    private final AppState state;
    private final StringProperty resolvers = new SimpleStringProperty("");
    private final StringProperty timeoutMs = new SimpleStringProperty("");
    private final StringProperty concurrency = new SimpleStringProperty("");
    private final StringProperty cadenceMinutes = new SimpleStringProperty("");
    private final StringProperty failAfterHours = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty apiUrl = new SimpleStringProperty("");
    private final ObjectProperty<Settings.Theme> theme = new SimpleObjectProperty<>(Settings.Theme.LIGHT);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();

    public SettingsViewModel(SettingsStore store, UiTasks tasks, AppState state) {
        this.store = store;
        this.tasks = tasks;
        this.state = state;
        for (Observable field : new Observable[] {resolvers, timeoutMs, concurrency, cadenceMinutes, failAfterHours,
                region, apiUrl, theme}) {
            field.addListener(o -> validate());
        }
    }

    /** Reads the stored settings in the background and fills the fields. */
    public void load() {
        tasks.run(store::load, s -> {
            resolvers.set(String.join(", ", s.resolvers()));
            timeoutMs.set(Long.toString(s.dnsTimeout().toMillis()));
            concurrency.set(Integer.toString(s.checkConcurrency()));
            cadenceMinutes.set(Long.toString(s.verifiedCadence().toMinutes()));
            failAfterHours.set(Long.toString(s.failAfter().toHours()));
            region.set(s.region());
            apiUrl.set(s.apiUrl());
            theme.set(s.theme());
            loaded.set(true);
        }, e -> message.set("Could not read the settings: " + UiTasks.describe(e)));
    }

    private Optional<Settings> build() {
        try {
            Settings s = new Settings(
                    Arrays.stream(resolvers.get().split("[,\\s]+")).filter(r -> !r.isBlank()).toList(),
                    Duration.ofMillis(number(timeoutMs, "The DNS timeout")),
                    (int) number(concurrency, "The concurrency"),
                    Duration.ofMinutes(number(cadenceMinutes, "The re-check cadence")),
                    Duration.ofHours(number(failAfterHours, "'Failed after'")),
                    region.get(), theme.get(), apiUrl.get());
            message.set("");
            return Optional.of(s);
        } catch (IllegalArgumentException e) {
            String text = e.getMessage();
            message.set(Character.toUpperCase(text.charAt(0)) + text.substring(1));
            return Optional.empty();
        }
    }

    private static long number(StringProperty field, String what) {
        String text = field.get() == null ? "" : field.get().strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + text + "'");
        }
    }

    private void validate() {
        valid.set(build().isPresent());
    }

    /** Saves in the background; {@code onSaved} runs on the FX thread. */
    public void save(Runnable onSaved) {
        Optional<Settings> settings = build();
        if (settings.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            store.save(settings.get());
            return settings.get();
        }, saved -> {
            state.themeProperty().set(saved.theme());
            state.resolversProperty().set(saved.resolvers()); // what DNS-derived facts shown so far came from
            onSaved.run();
        }, e -> message.set("Could not save the settings: " + UiTasks.describe(e)));
    }

    public StringProperty resolversProperty() {
        return resolvers;
    }

    public StringProperty timeoutMsProperty() {
        return timeoutMs;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty cadenceMinutesProperty() {
        return cadenceMinutes;
    }

    public StringProperty failAfterHoursProperty() {
        return failAfterHours;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty apiUrlProperty() {
        return apiUrl;
    }

    public ObjectProperty<Settings.Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
