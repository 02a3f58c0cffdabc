package dev.domaindesk.ui.testing;

import dev.domaindesk.ui.Notifier;
import java.util.ArrayList;
import java.util.List;

/** Keeps the notifications instead of showing them. */
public final class RecordingNotifier implements Notifier {
    public final List<String> good = new ArrayList<>();
    public final List<String> bad = new ArrayList<>();

    @Override
    public void good(String title, String text) {
        good.add(title);
    }

    @Override
    public void bad(String title, String text) {
        bad.add(title);
    }
}
