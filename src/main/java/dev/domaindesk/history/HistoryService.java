package dev.domaindesk.history;

import dev.domaindesk.settings.Setting;
import dev.domaindesk.settings.SettingsRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads record history and keeps it bounded by the retention setting. */
public final class HistoryService {
    /** Days of history kept; each record's current result is kept whatever its age. */
    public static final String RETENTION_DAYS = "history.retentionDays";
    static final int DEFAULT_RETENTION_DAYS = 365;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryService.class);
    private static final Setting<Long> RETENTION = Setting.wholeNumber(RETENTION_DAYS, DEFAULT_RETENTION_DAYS, 1, 99_999);

    private final HistoryRepository history;
    private final SettingsRepository settings;
    private final Clock clock;

    public HistoryService(HistoryRepository history, SettingsRepository settings, Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    public List<HistoryEntry> ofDomain(String domainId) {
        return history.ofDomain(domainId);
    }

    /** How long history is kept: the setting, else a year. */
    public Duration retention() {
        return Duration.ofDays(RETENTION.orDefault(settings));
    }

    /** Drops what is older than the retention; cheap when nothing is (an index range on the entry time). */
    public int prune() {
        int removed = history.pruneBefore(clock.instant().minus(retention()));
        if (removed > 0) {
            LOG.info("Pruned {} history entries older than {}", removed, retention());
        }
        return removed;
    }
}
