"""Excel forms: the export engine (layout), the forms (forms), the import of filled-in tables
(importer, tables, needrows, expertrows)."""
