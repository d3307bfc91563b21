package io.sfinbound.loader.api;

import java.util.List;

import io.sfinbound.loader.store.StoredDocument;

/**
 * One page of documents.
 *
 * @param items the documents of the page, in load order
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total number of documents matching the filters
 */
public record DocumentPage(List<StoredDocument> items, int page, int size, long total) {
}
