package io.sfinbound.common.job;

/**
 * A connector filter: a Boolean expression over the record, including or excluding the records it matches.
 *
 * @param expression the Boolean expression
 * @param mode       include (keep matches) or exclude (drop matches)
 */
public record ConnectorFilter(String expression, Mode mode) {

    /** Filter modes. */
    public enum Mode {
        INCLUDE,
        EXCLUDE
    }
}
