package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainService;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.InvalidDomainNameException;
import dev.domaindesk.domains.ProfileRegistry;
import dev.domaindesk.ui.UiTasks;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The add-domain dialog: a name validated as it is typed with the parser's own messages, and a profile. */
public final class AddDomainViewModel {
    private final DomainService domains;
    private final UiTasks tasks;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty(ProfileRegistry.DEFAULT);
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canAdd;

    public AddDomainViewModel(DomainService domains, UiTasks tasks, List<String> profileNames) {
        this.domains = domains;
        this.tasks = tasks;
        profiles.setAll(profileNames);
        name.addListener((obs, old, text) -> validate(text));
        canAdd = Bindings.createBooleanBinding(() -> valid.get() && !busy.get() && profile.get() != null, valid, busy, profile);
        validate("");
    }

    private void validate(String text) {
        if (text == null || text.isBlank()) {
            valid.set(false);
            message.set("Enter a domain you own, e.g. example.com");
            return;
        }
        try {
            DomainName parsed = DomainName.parse(text);
            valid.set(true);
            message.set(parsed.ascii().equals(text.strip().toLowerCase()) ? "" : "Will be added as " + parsed.ascii());
        } catch (InvalidDomainNameException e) {
            valid.set(false);
            message.set(capitalise(e.getMessage()));
        }
    }

    /** Adds the domain in the background; {@code onAdded} runs on the FX thread, errors stay in the message. */
    public void add(Consumer<DomainWithRecords> onAdded) {
        if (!canAdd.get()) {
            return;
        }
        busy.set(true);
        String input = name.get();
        String chosen = profile.get();
        tasks.run(() -> domains.add(input, chosen), added -> {
            busy.set(false);
            onAdded.accept(added);
        }, e -> {
            busy.set(false);
            valid.set(false);
            message.set(capitalise(UiTasks.describe(e)));
        });
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }
}
