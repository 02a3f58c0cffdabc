package dev.domaindesk.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.settings.ui.SettingsViewModel;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.InMemorySettingsRepository;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private final InMemorySettingsRepository repo = new InMemorySettingsRepository();
    private final AppState state = new AppState();
    private final SettingsViewModel vm = new SettingsViewModel(new SettingsStore(repo), UiTasks.synchronous(), state);

    @Test
    void fieldsAreValidatedAsTypedAndSavedSettingsApplyTheTheme() {
        vm.load();
        assertEquals("3000", vm.timeoutMsProperty().get());
        assertTrue(vm.validProperty().get());

        vm.timeoutMsProperty().set("fast");
        assertFalse(vm.validProperty().get());
        assertEquals("The DNS timeout must be a whole number, not 'fast'", vm.messageProperty().get());
        vm.save(() -> { });
        assertTrue(repo.get("dns.timeoutMs").isEmpty());

        vm.timeoutMsProperty().set("1200");
        vm.resolversProperty().set("127.0.0.1:5300, 9.9.9.9");
        vm.themeProperty().set(Settings.Theme.DARK);
        boolean[] closed = {false};
        vm.save(() -> closed[0] = true);
        assertTrue(closed[0]);
        assertEquals("1200", repo.get("dns.timeoutMs").orElseThrow());
        assertEquals("127.0.0.1:5300,9.9.9.9", repo.get("dns.resolvers").orElseThrow());
        assertEquals(Settings.Theme.DARK, state.themeProperty().get());
        assertEquals(java.util.List.of("127.0.0.1:5300", "9.9.9.9"), state.resolversProperty().get(),
                "the window learns the resolvers changed (the provider line is looked up again)");
    }
}
