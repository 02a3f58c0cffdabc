package dev.domaindesk.verification.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.ui.CheckFeed;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.ui.testing.FakeLauncher;
import dev.domaindesk.verification.BackgroundChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The window's manual check with its batching delay held by hand (the app waits 150 ms). */
class WindowChecksTest {
    private final FakeLauncher launcher = new FakeLauncher();
    private final CheckFeed feed = new CheckFeed();
    private final List<Runnable> delayed = new ArrayList<>();
    private final WindowChecks check = new WindowChecks(launcher, BackgroundChecks.NONE, feed, delayed::add,
            UiTasks.synchronous());

    private void afterTheDelay() {
        List<Runnable> due = List.copyOf(delayed);
        delayed.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void theCheckingBadgesComeWithTheFirstBatchNotInTheFrameOfTheKeyPress() {
        assertTrue(check.start(List.of("a", "b")));
        assertTrue(check.runningProperty().get(), "Check now and the status bar react at once");
        assertEquals(2, check.totalProperty().get());
        assertEquals(Set.of(), feed.checking(), "the badges wait for the first batch");
        assertEquals(List.of(List.of("a", "b")), launcher.started, "the check itself starts at once");

        launcher.events.progress(1, 2);
        afterTheDelay();
        assertEquals(Set.of("a", "b"), feed.checking());
        assertEquals(1, check.doneProperty().get());

        launcher.events.finished(null, false);
        afterTheDelay();
        assertFalse(check.runningProperty().get());
        assertEquals(Set.of(), feed.checking());
    }

    @Test
    void aRunThatEndsWithinTheFirstBatchLeavesNothingChecking() {
        check.start(List.of("a"));
        launcher.events.finished(null, true);
        afterTheDelay();
        assertEquals(Set.of(), feed.checking(), "started, then finished, in the order they came");
        assertFalse(check.runningProperty().get());
        assertTrue(check.offlineProperty().get());
    }
}
