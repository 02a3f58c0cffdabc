package dev.domaindesk.ui.testing;

import dev.domaindesk.verification.ui.CheckLauncher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A check launcher the test drives by hand: it records starts and hands out the events sink. */
public final class FakeLauncher implements CheckLauncher {
    public final List<List<String>> started = new ArrayList<>();
    public Events events;
    public boolean cancelled;

    @Override
    public Handle start(Collection<String> domainIds, Events sink) {
        started.add(List.copyOf(domainIds));
        events = sink;
        return () -> cancelled = true;
    }
}
