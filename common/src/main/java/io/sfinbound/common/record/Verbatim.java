package io.sfinbound.common.record;

/**
 * A text field that XM Discover analyses.
 *
 * @param name the verbatim attribute name, for example {@code clientVerbatim}, {@code agentVerbatim},
 *             {@code unknownVerbatim}, or a mapped field's target name
 * @param text the (substituted and redacted) text
 */
public record Verbatim(String name, String text) {
}
