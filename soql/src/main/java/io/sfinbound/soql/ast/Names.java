package io.sfinbound.soql.ast;

import java.util.Set;
import java.util.TreeSet;

/**
 * Identifier rules shared by the parser and the AST constructors, so that an AST built in code can never print to
 * something other than what it says (no SOQL injection through a name).
 */
public final class Names {

    /** Salesforce's reserved SOQL words: never a field, object or alias name. */
    public static final Set<String> RESERVED = Set.of("AND", "ASC", "DESC", "EXCLUDES", "FIRST", "FROM", "GROUP",
            "HAVING", "IN", "INCLUDES", "LAST", "LIKE", "LIMIT", "NOT", "NULL", "NULLS", "OR", "SELECT", "WHERE", "WITH",
            "TRUE", "FALSE");

    /** Words that start a clause after FROM, so they cannot be an alias either. */
    public static final Set<String> CLAUSE_WORDS = Set.of("USING", "WHERE", "WITH", "GROUP", "HAVING", "ORDER",
            "LIMIT", "OFFSET", "FOR", "UPDATE");

    // case-insensitive views, so that checking a token allocates nothing
    private static final Set<String> RESERVED_CI = caseInsensitive(RESERVED);
    private static final Set<String> CLAUSE_WORDS_CI = caseInsensitive(CLAUSE_WORDS);

    private Names() {
    }

    private static Set<String> caseInsensitive(Set<String> words) {
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(words);
        return set;
    }

    /** Whether {@code s} is a syntactically valid identifier (any word, reserved or not). */
    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is a reserved SOQL word, in any case. */
    public static boolean isReserved(String s) {
        return RESERVED_CI.contains(s);
    }

    /** Whether {@code s} can be an alias: an identifier that is neither reserved nor a clause keyword. */
    public static boolean isAliasable(String s) {
        return isIdentifier(s) && !isReserved(s) && !CLAUSE_WORDS_CI.contains(s);
    }

    /** Checks a name for an AST node; returns it. */
    public static String requireName(String s, String what) {
        if (!isIdentifier(s) || isReserved(s)) {
            throw new IllegalArgumentException("invalid " + what + ": '" + s + "'");
        }
        return s;
    }

    /** Whether {@code s} can name an object: an identifier, not reserved except {@code Group} (a standard object). */
    public static boolean isObjectName(String s) {
        return isIdentifier(s) && (!isReserved(s) || s.equalsIgnoreCase("GROUP"));
    }

    /** Checks an object name for an AST node; returns it. */
    public static String requireObjectName(String s, String what) {
        if (!isObjectName(s)) {
            throw new IllegalArgumentException("invalid " + what + ": '" + s + "'");
        }
        return s;
    }

    /** Checks a name that may be a reserved word (relationship path parts like {@code Group.Name}); returns it. */
    public static String requireIdentifier(String s, String what) {
        if (!isIdentifier(s)) {
            throw new IllegalArgumentException("invalid " + what + ": '" + s + "'");
        }
        return s;
    }

    /** Checks an alias for an AST node; returns it (null allowed). */
    public static String requireAlias(String s) {
        if (s != null && !isAliasable(s)) {
            throw new IllegalArgumentException("invalid alias: '" + s + "'");
        }
        return s;
    }
}
