package io.sfinbound.configapi.job;

/** Structural checks of a transformation or filter expression (balanced parentheses and closed quotes). */
final class ExpressionChecks {

    private ExpressionChecks() {
    }

    /** Why the expression is malformed, or null. */
    static String check(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return "unexpected ')' at position " + (i + 1);
                }
            }
        }
        if (quote != 0) {
            return "unclosed text constant";
        }
        return depth > 0 ? "missing ')'" : null;
    }
}
