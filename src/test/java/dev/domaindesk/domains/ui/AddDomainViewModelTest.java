package dev.domaindesk.domains.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainWithRecords;
import dev.domaindesk.domains.InvalidDomainNameException;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddDomainViewModelTest {
    private final Fixtures f = new Fixtures();
    private final AddDomainViewModel vm = new AddDomainViewModel(f.domains, UiTasks.synchronous(), f.domains.profileNames());

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/path", "admin@example.com", "localhost", "ex ample.com", "-bad.example"})
    void invalidNamesShowTheParsersOwnMessageAndCannotBeAdded(String input) {
        vm.nameProperty().set(input);
        String parserMessage = "";
        try {
            DomainName.parse(input);
        } catch (InvalidDomainNameException e) {
            parserMessage = e.getMessage();
        }
        assertFalse(parserMessage.isEmpty());
        assertEquals(parserMessage.substring(1), vm.messageProperty().get().substring(1));
        assertFalse(vm.canAddProperty().get());
    }

    @Test
    void aValidNameCanBeAddedAndIsStoredWithItsProfilesRecords() {
        vm.nameProperty().set("Example.COM.");
        assertTrue(vm.canAddProperty().get());
        assertEquals("Will be added as example.com", vm.messageProperty().get());
        List<DomainWithRecords> added = new ArrayList<>();
        vm.add(added::add);
        assertEquals(1, added.size());
        assertEquals("example.com", added.get(0).domain().name().ascii());
        assertEquals(f.repository.recordsOf(added.get(0).domain().id()).size(), added.get(0).records().size());
        assertFalse(added.get(0).records().isEmpty());
    }

    @Test
    void aDuplicateIsRefusedWithAMessageAndNothingNewIsStored() {
        f.add("example.com");
        vm.nameProperty().set("example.com");
        List<DomainWithRecords> added = new ArrayList<>();
        vm.add(added::add);
        assertTrue(added.isEmpty());
        assertTrue(vm.messageProperty().get().contains("already added"), vm.messageProperty().get());
        assertFalse(vm.canAddProperty().get());
        assertEquals(1, f.repository.findAll().size());
    }
}
