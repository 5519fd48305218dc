package pl.mops.reports.importing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partitions of one snapshot in the operational tables (partitioned by {@code LIST (snapshot_id)}, migration
 * V23). An import makes a plain table per operational table from its rows ({@link #createFilled}), with no index, and
 * then {@link #attach}es them: the primary key and the indexes are built once over the snapshot's rows, a
 * {@code CHECK (snapshot_id = N)} lets {@code ATTACH PARTITION} skip its validation scan, and the table becomes the
 * snapshot's partition. Inserting into the big tables instead maintained indexes over every snapshot row by row
 * (most of the import's time at 150 000 families).
 * <p>
 * Everything happens in the import's transaction: a failed import rolls the tables back with the rest.
 */
final class SnapshotPartitions {

    /** the partitioned operational tables, in the order the import fills them */
    static final List<String> TABLES = List.of("osoby", "rodziny", "czlonkowie", "decyzje", "decyzje_powody",
            "swiadczenia", "praca_socjalna", "plan_finansowy", "kontrakty", "wsparcie");

    private final JdbcTemplate jdbc;
    private final long snapshotId;

    SnapshotPartitions(JdbcTemplate jdbc, long snapshotId) {
        this.jdbc = jdbc;
        this.snapshotId = snapshotId;
    }

    /** the snapshot's partition of {@code table}: {@code osoby_m17} */
    String partition(String table) {
        return table + "_m" + snapshotId;
    }

    /**
     * Creates the snapshot's plain table of {@code table} holding the rows of {@code select}, a query whose output
     * columns are {@code columns} (the parent's column names, in any order; a parent's column not among them gets its
     * default, or NULL): {@code CREATE TABLE … AS} with every column cast to the parent's type and collation, then, in one
     * {@code ALTER TABLE} (one validation scan), the parent's NOT NULL columns, defaults and CHECK constraints under
     * their names — the ones {@code ATTACH PARTITION} requires —, and no index.
     *
     * <p>Not {@code CREATE TABLE (LIKE …)} and {@code INSERT … SELECT}: PostgreSQL writes a table made by {@code CREATE
     * TABLE … AS} in bulk, and inserted rows one by one with their constraints checked on each (issue 17; x10, psql, the
     * realisations: 2.4 s and 0.44 s for the constraints' scan against 3.4–4.6 s). A table of that name can only be left
     * by a deleted snapshot whose id came round again (the id was just taken from the sequence): it holds no snapshot's
     * rows and is dropped.
     */
    void createFilled(String table, List<String> columns, String select) {
        String part = partition(table);
        List<ParentColumn> parent = parentColumns(table);
        for (String column : columns) {
            if (parent.stream().noneMatch(c -> c.name().equals(column))) {
                throw new IllegalStateException("import-load.sql: " + table + " has no column " + column);
            }
        }
        StringBuilder create = new StringBuilder("CREATE TABLE " + part + " AS SELECT ");
        StringBuilder alter = new StringBuilder();
        for (int i = 0; i < parent.size(); i++) {
            ParentColumn c = parent.get(i);
            String value = columns.contains(c.name()) ? "q." + quoted(c.name())
                    : c.defaultExpression() != null ? c.defaultExpression() : "NULL";
            create.append(i == 0 ? "" : ", ").append("CAST(").append(value).append(" AS ").append(c.type()).append(')')
                    .append(c.collation() == null ? "" : " COLLATE " + c.collation()).append(" AS ").append(quoted(c.name()));
            if (c.notNull()) {
                alter.append(alter.isEmpty() ? "" : ", ").append("ALTER COLUMN ").append(quoted(c.name())).append(" SET NOT NULL");
            }
            if (c.defaultExpression() != null) {
                alter.append(alter.isEmpty() ? "" : ", ").append("ALTER COLUMN ").append(quoted(c.name()))
                        .append(" SET DEFAULT ").append(c.defaultExpression());
            }
        }
        create.append(" FROM (").append(select).append(") AS q (")
                .append(String.join(", ", columns.stream().map(SnapshotPartitions::quoted).toList())).append(')');
        for (String check : jdbc.queryForList("SELECT 'ADD CONSTRAINT ' || quote_ident(conname) || ' ' "
                + "|| pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'c' "
                + "ORDER BY conname", String.class, table)) {
            alter.append(alter.isEmpty() ? "" : ", ").append(check);
        }
        jdbc.execute("DROP TABLE IF EXISTS " + part);
        jdbc.execute(create.toString());
        if (!alter.isEmpty()) {
            jdbc.execute("ALTER TABLE " + part + " " + alter);
        }
    }

    /** a column of a parent table as its partition must have it */
    record ParentColumn(String name, String type, String collation, boolean notNull, String defaultExpression) {
    }

    /**
     * the parent's columns in order: type with its modifier ({@code numeric(14,2)}), collation of a collatable one
     * ({@code pg_catalog."C"}, {@code pg_catalog."default"}: always named — a cast keeps the collation of the query's
     * column, which for a staging column may be another), NOT NULL, default expression
     */
    List<ParentColumn> parentColumns(String table) {
        return jdbc.query("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod),
                       CASE WHEN a.attcollation <> 0 THEN quote_ident(n.nspname) || '.' || quote_ident(co.collname) END,
                       a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
                  FROM pg_attribute a
                  LEFT JOIN pg_collation co ON co.oid = a.attcollation
                  LEFT JOIN pg_namespace n ON n.oid = co.collnamespace
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                 WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""", (rs, i) -> new ParentColumn(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBoolean(4), rs.getString(5)), table);
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * Builds each table's primary key and indexes as its parent defines them (read from the catalogue, so an index
     * added to a parent later is built here too; a partition without a matching index would get one built by
     * {@code ATTACH} anyway), adds {@code CHECK (snapshot_id = N)} and attaches it, then gathers its statistics (the
     * planner uses the partition's own statistics once a query's {@code snapshot_id = ?} has pruned the others;
     * analysing the parents would sample every snapshot again).
     *
     * @return the time each table took, for the log
     */
    String attach() {
        StringBuilder times = new StringBuilder();
        for (String table : TABLES) {
            long started = System.nanoTime();
            String part = partition(table);
            for (String constraint : jdbc.queryForList("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = ?::regclass AND contype IN ('p', 'u') ORDER BY conname", String.class, table)) {
                jdbc.execute("ALTER TABLE " + part + " ADD " + constraint);
            }
            for (String index : jdbc.queryForList("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                    + "WHERE i.indrelid = ?::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                    + "WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid) ORDER BY i.indexrelid", String.class,
                    table)) {
                jdbc.execute(index.replaceFirst("^CREATE (UNIQUE )?INDEX \\S+ ON ONLY \\S+ ", "CREATE $1INDEX ON " + part + " "));
            }
            jdbc.execute("ALTER TABLE " + part + " ADD CONSTRAINT " + part + "_snapshot CHECK (snapshot_id = "
                    + snapshotId + ")");
            jdbc.execute("ALTER TABLE " + table + " ATTACH PARTITION " + part + " FOR VALUES IN (" + snapshotId + ")");
            jdbc.execute("ANALYZE " + part);
            times.append(times.isEmpty() ? "" : ", ").append(table).append(' ')
                    .append((System.nanoTime() - started) / 1_000_000).append(" ms");
        }
        return times.toString();
    }
}
