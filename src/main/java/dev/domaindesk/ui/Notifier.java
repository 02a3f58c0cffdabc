package dev.domaindesk.ui;

/** Desktop notifications (a domain became verified, a verified record broke). */
public interface Notifier {
    void good(String title, String text);

    void bad(String title, String text);
}
