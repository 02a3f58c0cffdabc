package dev.domaindesk.verification.audit.ui;

import static dev.domaindesk.ui.testing.FxCalls.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.FxExecutor;
import dev.domaindesk.ui.UiTasks;
import dev.domaindesk.verification.audit.Dnssec;
import dev.domaindesk.verification.audit.Requirement;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/** The checklist on a real scene: marks with their style, the DNSSEC line, and "Audit again" showing a new audit. */
@ExtendWith(ApplicationExtension.class)
class AuditViewFxTest {
    private static final Instant CHECKED = Instant.parse("2026-12-02T10:00:00Z");
    private final AuditFakes audits = new AuditFakes();
    private final SimpleObjectProperty<Domain> selected = new SimpleObjectProperty<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) {
        audits.stored.put("d1", AuditFakes.audit("d1", "a.test", CHECKED, Dnssec.State.BOGUS, Requirement.Result.FAIL));
        AuditViewModel vm = new AuditViewModel(selected, audits, new UiTasks(background, new FxExecutor()));
        stage.setScene(new Scene(new StackPane(new AuditView(vm)), 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    /** Waits until {@code query} matches, then until the FX thread is idle: the rows are built there, one by one. */
    private static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChecklistShowsEachItemAndAuditAgainReplacesIt(FxRobot robot) throws Exception {
        fx(() -> {
            selected.set(AuditFakes.domain("d1", "a.test", CHECKED));
            return null;
        });
        waitFor(robot, "#auditMark-spam-rate");
        robot.clickOn(".audit-pane .title"); // folded until opened: its title carries the result
        Label dmarc = robot.lookup("#auditMark-dmarc").queryAs(Label.class);
        assertEquals("fail", dmarc.getText());
        assertTrue(dmarc.getStyleClass().contains("audit-fail"));
        assertEquals("not in DNS", robot.lookup("#auditMark-spam-rate").queryAs(Label.class).getText());
        Label dnssec = robot.lookup("#auditDnssec").queryAs(Label.class);
        assertTrue(dnssec.getText().startsWith("DNSSEC: broken (bogus)."), dnssec.getText());
        assertTrue(dnssec.getStyleClass().contains("dnssec-bogus"));

        audits.next.put("d1", AuditFakes.audit("d1", "a.test", CHECKED.plusSeconds(9), Dnssec.State.SECURE,
                Requirement.Result.PASS));
        robot.clickOn("#auditNow");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "pass".equals(robot.lookup("#auditMark-dmarc").queryAs(Label.class).getText()));
        assertTrue(robot.lookup("#auditMark-dmarc").queryAs(Label.class).getStyleClass().contains("audit-pass"));
        assertTrue(robot.lookup("#auditDnssec").queryAs(Label.class).getStyleClass().contains("dnssec-secure"));
        assertEquals(1, audits.runs.size());
    }
}
