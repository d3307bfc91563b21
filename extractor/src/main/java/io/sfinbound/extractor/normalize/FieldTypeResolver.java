package io.sfinbound.extractor.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sfinbound.extractor.salesforce.DescribeCache;
import io.sfinbound.extractor.salesforce.SObjectDescribe;
import io.sfinbound.extractor.salesforce.SalesforceException;
import io.sfinbound.extractor.salesforce.SalesforceSession;

/**
 * Describe types and canonical names of dotted field paths ({@code Owner.Name}) of one run, following relationship
 * names to the referenced object's describe (the first of {@code referenceTo} for polymorphic lookups).
 */
public final class FieldTypeResolver {

    /** A resolved path: canonical segments (describe spelling) and the describe type of the last one (null if unknown). */
    public record Resolved(String[] segments, String type) {
    }

    /** Looks up the describe of an object by name (cached), or returns null when it cannot be described. */
    @FunctionalInterface
    public interface Describer {
        SObjectDescribe describe(String object);
    }

    private final SObjectDescribe root;
    private final Describer describer;
    private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

    public FieldTypeResolver(SObjectDescribe root, Describer describer) {
        this.root = root;
        this.describer = describer;
    }

    /** A resolver that describes referenced objects through the cache; an object that cannot be described has unknown types. */
    public static FieldTypeResolver of(SObjectDescribe root, SalesforceSession session, DescribeCache describes) {
        return new FieldTypeResolver(root, object -> {
            try {
                return describes.describe(session, object);
            } catch (SalesforceException e) {
                if (e.isTransient() || e.kind() == SalesforceException.Kind.SESSION_EXPIRED) {
                    throw e;
                }
                return null;
            }
        });
    }

    /** Resolves a dotted path (case-insensitive). */
    public Resolved resolve(String dottedPath) {
        return cache.computeIfAbsent(dottedPath.toLowerCase(Locale.ROOT), k -> doResolve(dottedPath));
    }

    /** The describe type of a dotted path, or null. */
    public String typeOf(String dottedPath) {
        return resolve(dottedPath).type();
    }

    private Resolved doResolve(String dottedPath) {
        String[] parts = dottedPath.split("\\.");
        String[] canonical = parts.clone();
        SObjectDescribe current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (current == null) {
                return new Resolved(canonical, null);
            }
            SObjectDescribe.Field ref = current.relationship(parts[i]);
            if (ref == null) {
                return new Resolved(canonical, null);
            }
            canonical[i] = ref.relationshipName();
            current = ref.referenceTo().isEmpty() ? null : describer.describe(ref.referenceTo().get(0));
        }
        if (current == null) {
            return new Resolved(canonical, null);
        }
        SObjectDescribe.Field f = current.field(parts[parts.length - 1]);
        if (f == null) {
            return new Resolved(canonical, null);
        }
        canonical[parts.length - 1] = f.name();
        return new Resolved(canonical, f.type());
    }
}
