-- Cheaper batch writes (issue 7; measured in loader/README.md, "Throughput into PostgreSQL").

-- No query filters or sorts on load_date (the read API filters on document_date, job and run): the index only cost
-- an insert per document.
DROP INDEX IF EXISTS document_load_date_idx;

-- Every 2 KB body is compressed into TOAST on insert; lz4 compresses several times faster than the default pglz.
-- A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE document ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN search_text SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 not available on this server; document bodies stay compressed with pglz';
END
$$;
