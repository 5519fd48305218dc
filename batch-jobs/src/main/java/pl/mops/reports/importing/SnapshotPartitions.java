package pl.mops.reports.importing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partitions of one snapshot in the operational tables (partitioned by {@code LIST (snapshot_id)}, migration
 * V23). An import fills a plain table per operational table ({@link #create}), with no index while it loads, and
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
     * Creates the snapshot's plain tables (the parents' columns, defaults and CHECK constraints — the ones
     * {@code ATTACH PARTITION} requires —, no index). A table of that name can only be left by a deleted snapshot
     * whose id came round again (the id was just taken from the sequence): it holds no snapshot's rows and is dropped.
     */
    void create() {
        for (String table : TABLES) {
            jdbc.execute("DROP TABLE IF EXISTS " + partition(table));
            jdbc.execute("CREATE TABLE " + partition(table) + " (LIKE " + table
                    + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        }
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
