package io.sfinbound.common.job;

import java.util.Map;

/**
 * A transformation of one mapped value.
 *
 * @param type        lookup, regex or expression
 * @param lookup      for LOOKUP: source value to replacement (exact, case-sensitive)
 * @param lookupDefault for LOOKUP: the value when no key matches; {@code null} keeps the original
 * @param regex       for REGEX: the pattern
 * @param replacement for REGEX: the replacement ({@code $1} groups allowed)
 * @param expression  for EXPRESSION: the expression in the connector's expression language
 */
public record Transformation(
        TransformationType type,
        Map<String, String> lookup,
        String lookupDefault,
        String regex,
        String replacement,
        String expression) {
}
