package io.sfinbound.transform.redaction;

/**
 * An error in a substitution or redaction rule file.
 *
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong
 */
public record RuleFileError(int line, int column, String message) {
}
