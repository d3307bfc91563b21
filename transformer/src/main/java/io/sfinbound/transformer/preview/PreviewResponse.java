package io.sfinbound.transformer.preview;

import java.util.List;

import io.sfinbound.common.record.DocumentMessage;

/**
 * Answer of {@code POST /internal/preview}: one result per sample record, in order.
 *
 * @param results DOCUMENT, FILTERED or DEAD_LETTERED with the reason
 */
public record PreviewResponse(List<DocumentMessage> results) {
}
