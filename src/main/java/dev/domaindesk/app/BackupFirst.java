package dev.domaindesk.app;

import dev.domaindesk.domains.DomainRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The repository as import and sync see it: a backup of the store is taken just before the one write that
 * replaces many domains at once (after the document or the service's answers were read and found good, so a
 * refused import costs no backup). A proxy rather than a hand-written decorator, so that methods added to the
 * repository later pass through unchanged.
 */
final class BackupFirst {
    private BackupFirst() {
    }

    static DomainRepository wrap(DomainRepository repository, Runnable backup) {
        return (DomainRepository) Proxy.newProxyInstance(DomainRepository.class.getClassLoader(),
                new Class<?>[] {DomainRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("replaceAll")) {
                        backup.run();
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
