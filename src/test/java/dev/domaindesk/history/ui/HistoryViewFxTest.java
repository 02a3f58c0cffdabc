package dev.domaindesk.history.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.DomainName;
import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.history.HistoryEntry;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history pane on a real scene: folded with the last change as its title; open, the timeline is selectable. */
@ExtendWith(ApplicationExtension.class)
class HistoryViewFxTest {
    private static final Instant NOV1 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOV3 = Instant.parse("2026-11-03T09:00:00Z");
    private final SimpleObjectProperty<Domain> domain = new SimpleObjectProperty<>();
    private final ObservableList<DnsRecord> records = FXCollections.observableArrayList();
    private final SimpleObjectProperty<DnsRecord> selected = new SimpleObjectProperty<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final DnsRecord txt = DnsRecord.fromService("r1", "d1", RecordType.TXT, "_amazonses.hist.test", "TOKEN",
            null, true, false, NOV3, NOV1, NOV1).withCheck(false, CheckState.MISSING, List.of(), List.of(), true, NOV3);

    @Start
    void start(Stage stage) {
        HistoryViewModel vm = new HistoryViewModel(domain, records, selected, id -> List.of(
                new HistoryEntry("r1", "d1", NOV1, CheckState.VERIFIED, List.of("TOKEN"), List.of()),
                new HistoryEntry("r1", "d1", NOV3, CheckState.MISSING, List.of(), List.of())),
                new UiTasks(background, new FxExecutor()), Clock.fixed(NOV3, ZoneOffset.UTC));
        stage.setScene(new Scene(new StackPane(new HistoryView(vm)), 900, 400));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    @Test
    void theLastChangeIsTheTitleAndTheTimelineIsShownWhenOpened(FxRobot robot) throws Exception {
        robot.interact(() -> {
            domain.set(new Domain("d1", DomainName.parse("hist.test"), DomainStatus.FAILED, "test", NOV1, NOV1, NOV3,
                    NOV1, null, Domain.ServiceFields.NONE));
            records.setAll(txt);
        });
        TitledPane pane = robot.lookup("#historyPane").queryAs(TitledPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.getText().startsWith("History: last change 3 Nov"));
        assertEquals("History: last change 3 Nov 09:00 · TXT _amazonses.hist.test · missing (was verified)", pane.getText());
        robot.clickOn(".history-pane .title");
        robot.interact(() -> selected.set(txt));
        TextArea timeline = robot.lookup("#historyTimeline").queryAs(TextArea.class);
        assertEquals("TXT _amazonses.hist.test: since 3 Nov 09:00 missing; 1 Nov–3 Nov 09:00 verified", timeline.getText());
        assertTrue(timeline.isVisible() && !timeline.isEditable(), "shown, selectable, not editable");
    }
}
