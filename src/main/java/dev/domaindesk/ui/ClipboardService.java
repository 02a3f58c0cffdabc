package dev.domaindesk.ui;

/** Puts text on the system clipboard. */
public interface ClipboardService {
    void copy(String text);
}
