package dev.domaindesk.verification.audit.ui;

import dev.domaindesk.verification.audit.Requirement;

/** One line of the sender checklist as the view shows it. */
public record ChecklistItem(String id, String mark, String title, String why, Requirement.Result result) {
    static ChecklistItem of(Requirement r) {
        String mark = switch (r.result()) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case NOT_IN_DNS -> "not in DNS";
            case UNKNOWN -> "couldn't check";
        };
        return new ChecklistItem(r.id(), mark, r.title(), r.why() + " (" + r.receivers() + ")", r.result());
    }
}
