package dev.domaindesk.verification;

import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.DomainRepository;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** A store's own repository whose streamed load of a check's records can be held up or failed, domain by domain. */
final class StreamedLoads {
    private StreamedLoads() {
    }

    /** {@code real}, with {@code beforeEach} called on the loading thread before each domain is handed over. */
    static DomainRepository streaming(DomainRepository real, BiConsumer<String, List<DnsRecord>> beforeEach) {
        return (DomainRepository) Proxy.newProxyInstance(DomainRepository.class.getClassLoader(),
                new Class<?>[] {DomainRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recordsOf") && args.length == 2 && args[1] instanceof BiConsumer) {
                        @SuppressWarnings("unchecked")
                        BiConsumer<String, List<DnsRecord>> each = (BiConsumer<String, List<DnsRecord>>) args[1];
                        @SuppressWarnings("unchecked")
                        Map<String, List<DnsRecord>> all = real.recordsOf((Collection<String>) args[0]);
                        all.forEach((id, records) -> {
                            beforeEach.accept(id, records);
                            each.accept(id, records);
                        });
                        return null;
                    }
                    if (method.getName().equals("checkSession")) {
                        return InvocationHandler.invokeDefault(proxy, method, args); // its reads come back here
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
