-- each line: a query returning one boolean row that must be true ({snapshot} = the imported snapshot)
SELECT summary NOT LIKE '%2025-02-12%' AND summary NOT LIKE '%R1%' AND summary LIKE '%nieznane kolumny: 7 %' FROM snapshot WHERE id = {snapshot};
