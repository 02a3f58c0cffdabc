package dev.domaindesk.apikeys;

/** A key just created: the only moment its secret exists outside the client that holds it. */
public record NewApiKey(ApiKeyInfo info, String secret) {
    @Override
    public String toString() {
        return "NewApiKey[" + info.name() + ", " + info.prefix() + "…]";
    }
}
