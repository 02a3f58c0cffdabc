package dev.domaindesk.verification.audit.ui;

import dev.domaindesk.verification.audit.Dnssec;
import dev.domaindesk.verification.audit.Requirement;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The domain's deliverability: a titled pane with the DNSSEC line, the sender checklist and the details. */
public final class AuditView extends TitledPane {
    private final GridPane items = new GridPane();
    private final VBox details = new VBox(2);

    public AuditView(AuditViewModel vm) {
        setId("auditPane");
        getStyleClass().add("audit-pane");
        setAnimated(false);
        // folded: its title says the result, and open it took most of the height the records table needs
        setExpanded(false);
        textProperty().bind(vm.summaryProperty());

        Label dnssec = new Label();
        dnssec.setId("auditDnssec");
        dnssec.setWrapText(true);
        dnssec.textProperty().bind(vm.dnssecProperty());
        vm.dnssecStateProperty().addListener((obs, old, state) -> mark(dnssec, state));

        Button again = new Button();
        again.setId("auditNow");
        again.textProperty().bind(Bindings.when(vm.busyProperty()).then("Auditing…").otherwise("Audit now"));
        again.disableProperty().bind(vm.busyProperty());
        again.setOnAction(e -> vm.auditNow());
        again.setTooltip(new Tooltip("Look up DNSSEC, the DKIM keys, MTA-STS and the sender requirements again"));

        items.setHgap(10);
        items.setVgap(2);
        items.setId("auditChecklist");
        vm.checklist().addListener((ListChangeListener<ChecklistItem>) c -> rows(vm));
        details.setId("auditDetails");
        vm.details().addListener((ListChangeListener<String>) c -> details(vm));
        rows(vm);
        details(vm);

        VBox content = new VBox(6, dnssec, items, details, again);
        setContent(content);
    }

    private void rows(AuditViewModel vm) {
        items.getChildren().clear();
        int row = 0;
        for (ChecklistItem item : vm.checklist()) {
            Label mark = new Label(item.mark());
            mark.setId("auditMark-" + item.id());
            mark.getStyleClass().addAll("audit-mark", "audit-" + item.result().wire());
            Label title = new Label(item.title());
            title.setId("auditItem-" + item.id());
            Label why = new Label(item.why());
            why.getStyleClass().add("muted-text");
            why.setWrapText(true);
            title.setTooltip(new Tooltip(item.why()));
            items.addRow(row++, mark, title, why);
        }
    }

    private void details(AuditViewModel vm) {
        details.getChildren().setAll(vm.details().stream().map(text -> {
            Label l = new Label(text);
            l.setWrapText(true);
            l.getStyleClass().add("muted-text");
            return l;
        }).toList());
    }

    private static void mark(Label label, Dnssec.State state) {
        label.getStyleClass().removeIf(s -> s.startsWith("dnssec-"));
        if (state != null) {
            label.getStyleClass().add("dnssec-" + state.wire());
        }
    }

    /** The style class of a result, for tests and the stylesheet. */
    static String styleOf(Requirement.Result result) {
        return "audit-" + result.wire();
    }
}
