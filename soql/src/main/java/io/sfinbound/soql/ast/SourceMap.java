package io.sfinbound.soql.ast;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where the parser found each AST node, keyed by node identity.
 *
 * <p>Positions are deliberately kept out of the nodes so that two ASTs of the same query are equal wherever their
 * text came from ({@code parse(print(q)).equals(q)}). For the same reason every {@code SourceMap} equals every other
 * one: it is metadata, not part of the query's value.
 */
public final class SourceMap {

    /** The empty map of a query built in code. */
    public static final SourceMap NONE = new SourceMap(Map.of(), Map.of());

    private final Map<Object, SourcePosition> positions;
    private final Map<String, SourcePosition> clauses;

    private SourceMap(Map<Object, SourcePosition> positions, Map<String, SourcePosition> clauses) {
        this.positions = positions;
        this.clauses = clauses;
    }

    /** A mutable map for the parser; not for general use. */
    public static SourceMap forParser() {
        return new SourceMap(new IdentityHashMap<>(), new HashMap<>());
    }

    /** Records where {@code node} starts; used by the parser only. */
    public <T> T put(T node, SourcePosition position) {
        positions.put(node, position);
        return node;
    }

    /** Where {@code node} (this very instance) starts, or {@link SourcePosition#UNKNOWN}. */
    public SourcePosition positionOf(Object node) {
        SourcePosition p = positions.get(node);
        return p == null ? SourcePosition.UNKNOWN : p;
    }

    /** Records where a clause keyword is ({@code "GROUP BY"}, {@code "WHERE"}...); used by the parser only. */
    public void putClause(String clause, SourcePosition position) {
        clauses.put(clause, position);
    }

    /**
     * Where the clause keyword ({@code "FROM"}, {@code "WHERE"}, {@code "GROUP BY"}, {@code "HAVING"},
     * {@code "ORDER BY"}, {@code "LIMIT"}, {@code "OFFSET"}...) of this query is, or {@link SourcePosition#UNKNOWN}.
     */
    public SourcePosition clausePosition(String clause) {
        SourcePosition p = clauses.get(clause);
        return p == null ? SourcePosition.UNKNOWN : p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceMap;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "SourceMap";
    }
}
