package dev.domaindesk.api.client;

import dev.domaindesk.settings.SettingsRepository;
import java.time.Clock;

/** Opens a {@link ServiceClient} from the settings: the URL given or the setting {@code api.url}, the key, the limits. */
public final class ServiceClients {
    private final SettingsRepository settings;
    private final ServiceKeySource keys;
    private final Sleeper sleeper;
    private final Clock clock;

    public ServiceClients(SettingsRepository settings, ServiceKeySource keys, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.keys = keys;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A client for {@code apiUrl}, or for the remembered {@code api.url} when null. Checks URL and key first. */
    public ServiceClient open(String apiUrl) {
        ApiEndpoint endpoint = ApiEndpoint.parse(apiUrl != null ? apiUrl : settings.get(ClientSettings.URL).orElse(null));
        return new ServiceClient(endpoint, keys.require(), ClientSettings.load(settings), sleeper, clock);
    }

    /** Remembers a URL that worked, for the next sync and for the window. */
    public void remember(ApiEndpoint endpoint) {
        settings.put(ClientSettings.URL, endpoint.toString());
    }

    public ServiceKeySource keys() {
        return keys;
    }
}
