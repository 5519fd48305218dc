package pl.mops.reports.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.database.SessionTables;
import pl.mops.reports.rendering.csv.SafeCsv;

/**
 * The cell lineage of one run ({@code pochodzenie.csv}): the job fills {@code pg_temp.audit_lineage (cell, kind,
 * source_id)} set-based in SQL — a temporary table, or a temporary view of the run's kept table ({@link #createOver}) —
 * and PostgreSQL writes it out sorted,
 * with the pseudonyms computed in the database ({@link #writeCsv}: {@code COPY … TO STDOUT}) — the file is never
 * held in memory. Must run inside one transaction (the table is dropped at commit).
 *
 * <p>Beside it, {@link #UNITS} {@code (kind, source_id)}: a fill that knows its counted units from a smaller set than
 * its lineage rows (the families of the run's fact table, not every family × cell line) inserts them there — any
 * superset, repeats allowed — and the file numbers those instead of looking for the distinct units among all the
 * lineage rows (issue 17: at the country's scale that search was 11 s of the monthly package's 40). A fill that
 * inserts none leaves it empty and the units are found in the rows as before. A unit missing from a non-empty
 * {@link #UNITS} would lose its lines, so {@link #writeCsv} counts the lines it wrote against the table's (a kept
 * table's recorded number, {@link #createOver(String, String, long)}) and fails the package on any difference.
 */
@Component
public class LineageTable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineageTable.class);

    public static final String TABLE = "pg_temp.audit_lineage";
    /** the counted units of the lineage, when its fill supplies them (see the class comment) */
    public static final String UNITS = "pg_temp.audit_lineage_units";
    /** the columns of {@link #TABLE} and of a table that {@link #createOver} can show */
    public static final String COLUMNS = "cell text COLLATE \"C\" NOT NULL, kind text NOT NULL, source_id text NOT NULL";
    /** the columns of {@link #UNITS} and of a table that {@link #createOver} can show as it */
    public static final String UNIT_COLUMNS = "kind text NOT NULL, source_id text NOT NULL";
    static final String HEADER = "komorka;rodzaj;pseudonim";

    private final NamedParameterJdbcTemplate jdbc;
    private final PseudonymSecret secret;
    private final DataSource dataSource;

    public LineageTable(DataSource dataSource, PseudonymSecret secret) {
        this.dataSource = dataSource;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.secret = secret;
    }

    public void create() {
        drop();
        jdbc.getJdbcTemplate().execute("CREATE TEMP TABLE audit_lineage (" + COLUMNS + ") ON COMMIT DROP");
        jdbc.getJdbcTemplate().execute("CREATE TEMP TABLE audit_lineage_units (" + UNIT_COLUMNS + ") ON COMMIT DROP");
    }

    /**
     * makes {@link #TABLE} a temporary view of {@code table}, a permanent table with the {@link #COLUMNS}, and
     * {@link #UNITS} one of {@code unitsTable} ({@link #UNIT_COLUMNS}), or an empty temporary table when it is null:
     * rows inserted into them go into the permanent tables (a simple view is updatable) and reading them reads those —
     * so a kept lineage ({@link StoredLineage}) is filled and written out without copying its millions of rows through
     * a temporary table. Dropped by {@link #drop} (or by the transaction's rollback).
     */
    public void createOver(String table, String unitsTable) {
        drop();
        createViews(table, unitsTable);
    }

    /**
     * {@link #createOver(String, String)} for a table whose number of rows is known ({@link StoredLineage}): the number
     * stays with the view for this transaction (a setting of the database session, {@value #KNOWN_ROWS}, not a field:
     * jobs run side by side in one program share this component) and {@link #writeCsv} must write exactly that many
     * lines — no count over the table
     */
    public void createOver(String table, String unitsTable, long rows) {
        drop();
        createViews(table, unitsTable);
        knowRows(Long.toString(rows));
    }

    /** the transaction's setting that holds the number of rows of the table {@link #TABLE} shows, when known */
    static final String KNOWN_ROWS = "mops.pochodzenie_wierszy";

    /** sets {@link #KNOWN_ROWS} for this transaction ({@code ""}: not known) */
    private void knowRows(String rows) {
        jdbc.getJdbcTemplate().queryForObject("SELECT set_config('" + KNOWN_ROWS + "', ?, true)", String.class, rows);
    }

    /** {@link #KNOWN_ROWS}, or null when not known in this transaction */
    private Long knownRows() {
        String rows = jdbc.getJdbcTemplate().queryForObject("SELECT current_setting('" + KNOWN_ROWS + "', true)",
                String.class);
        return rows == null || rows.isEmpty() ? null : Long.valueOf(rows);
    }

    private void createViews(String table, String unitsTable) {
        jdbc.getJdbcTemplate().execute("CREATE TEMP VIEW audit_lineage AS SELECT cell, kind, source_id FROM " + table);
        jdbc.getJdbcTemplate().execute(unitsTable == null
                ? "CREATE TEMP TABLE audit_lineage_units (" + UNIT_COLUMNS + ") ON COMMIT DROP"
                : "CREATE TEMP VIEW audit_lineage_units AS SELECT kind, source_id FROM " + unitsTable);
    }

    /** drops {@link #TABLE} and {@link #UNITS}, tables or views (and forgets their known number of rows) */
    public void drop() {
        knowRows("");
        for (String relation : new String[] {TABLE, UNITS}) {
            String kind = jdbc.getJdbcTemplate().query("SELECT relkind FROM pg_class WHERE oid = to_regclass(?)",
                    rs -> rs.next() ? rs.getString(1) : null, relation);
            if ("v".equals(kind)) {
                jdbc.getJdbcTemplate().execute("DROP VIEW " + relation);
            } else if (kind != null) {
                jdbc.getJdbcTemplate().execute("DROP TABLE " + relation);
            }
        }
    }

    /** a counted unit of a cell: its kind ({@code rodzina}, {@code osoba}, {@code decyzja}) and pseudonym */
    public record Counted(String cell, String kind, String pseudonym) {
    }

    /** the pseudonyms the filled table holds for the given cells, sorted by cell, kind and pseudonym */
    public java.util.List<Counted> pseudonyms(java.util.Collection<String> cells) {
        if (cells.isEmpty()) {
            return java.util.List.of();
        }
        byte[] key = secret.key();
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("innerKey", Pseudonyms.innerKey(key));
        parameters.put("outerKey", Pseudonyms.outerKey(key));
        parameters.put("cells", cells.toArray(String[]::new));
        return jdbc.query("SELECT cell, kind, pseudonym FROM (SELECT cell, kind, "
                + Pseudonyms.sqlExpression("kind", "source_id") + " AS pseudonym FROM " + TABLE
                + " WHERE cell = ANY (CAST(:cells AS text[]))) x ORDER BY cell, kind, pseudonym COLLATE \"C\"",
                parameters, (rs, i) -> new Counted(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** a counted unit of one cell with the case system's id: for the staff only (never for the auditors' package) */
    public record Case(String kind, String sourceId, String pseudonym) {
    }

    /** the units the filled table holds for one cell, sorted by kind and pseudonym (not by the case system's ids) */
    public java.util.List<Case> cases(String cell) {
        byte[] key = secret.key();
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("innerKey", Pseudonyms.innerKey(key));
        parameters.put("outerKey", Pseudonyms.outerKey(key));
        parameters.put("cell", cell);
        return jdbc.query("SELECT kind, source_id, pseudonym FROM (SELECT kind, source_id, "
                + Pseudonyms.sqlExpression("kind", "source_id") + " AS pseudonym FROM " + TABLE
                + " WHERE cell = :cell) x ORDER BY kind, pseudonym COLLATE \"C\"",
                parameters, (rs, i) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * writes the UTF-8 CSV with BOM and {@code ;}, lines sorted by cell, kind and pseudonym; @return data lines
     *
     * <p>Set-based and streamed (issue 17: at the country's scale the file has 13 M lines): the distinct units get their
     * pseudonym once (HMAC) and an ordinal in (kind, pseudonym) order, the distinct cells an ordinal in cell order (C
     * collation), and the lines are sorted by one integer key (cell ordinal, unit ordinal) — not by three texts with
     * long common prefixes — and written by PostgreSQL itself ({@code COPY … TO STDOUT}, CSV with {@code ;}); the program
     * only adds the BOM and the header and turns line ends into CRLF. The formula-injection rule of {@link SafeCsv} is
     * applied in SQL ({@link #sqlSafe}); COPY quotes a field holding {@code ;}, {@code "}, CR or LF (the three columns
     * are never empty, so an empty field's quoting never arises).
     */
    public long writeCsv(OutputStream target) {
        byte[] key = secret.key();
        Map<String, Object> keys = Map.of("innerKey", Pseudonyms.innerKey(key), "outerKey", Pseudonyms.outerKey(key));
        JdbcTemplate plain = jdbc.getJdbcTemplate();
        long start = System.nanoTime();
        plain.execute("SET LOCAL work_mem = '256MB'");
        // the units and cells numbered into the session's unlogged tables, not temporary ones: the sorted join below
        // then runs in parallel workers (issue 17; x60 psql: 25-30 s -> 19-25 s for 9.9 million lines)
        String work = SessionTables.suffix(plain);
        String units = "audit_lineage_unit" + work;
        String cells = "audit_lineage_cell" + work;
        plain.execute("DROP TABLE IF EXISTS " + units + ", " + cells);
        // The units: those the fill supplied when it did (a superset; numbers stay in (kind, pseudonym) order, so the
        // lines' order and text are the same), else the distinct ones of the lines. A unit counted in many cells (a
        // family is in its city, district, branch, forms and reasons, per period) gets its HMAC computed once, not once
        // per line — and once, not again for the numbering's output (the MATERIALIZED set; inlined, the expression was
        // in the sort's input and again in the output: x60 about 1 s more). They are numbered in (kind, pseudonym)
        // order by the pseudonym alone: its prefix names the kind (D-, O-, R-) in the order of the kinds' names
        // (decyzja, osoba, rodzina; LineageTableTest sorts by both, with all three kinds) — one sort key, which
        // PostgreSQL abbreviates, where with two keys the second was compared in full on every step (x60, 851
        // thousand units: the sort took 1.9 s).
        boolean supplied = Boolean.TRUE.equals(plain.queryForObject("SELECT EXISTS (SELECT FROM " + UNITS + ")",
                Boolean.class));
        String unitSource = supplied ? UNITS : TABLE;
        jdbc.update(SessionTables.CREATE + units + " AS WITH unit AS MATERIALIZED (SELECT kind, source_id, "
                + Pseudonyms.sqlExpression("kind", "source_id") + " AS pseudonym FROM (SELECT DISTINCT kind, source_id FROM "
                + unitSource + ") d) SELECT kind, source_id, " + sqlSafe("kind") + " AS written_kind, " + sqlSafe("pseudonym")
                + " AS written_pseudonym, row_number() OVER (ORDER BY pseudonym COLLATE \"C\") AS no FROM unit", keys);
        // the lines the join must keep: every one (checked after the COPY) — as many as the kept table's recorded
        // rows when it is shown (createOver with a number), else, with supplied units, as the table has
        Long known = knownRows();
        Long expected = known != null ? known
                : supplied ? plain.queryForObject("SELECT count(*) FROM " + TABLE, Long.class) : null;
        plain.execute(SessionTables.CREATE + cells + " AS SELECT cell, " + sqlSafe("cell") + " AS written, row_number() "
                + "OVER (ORDER BY cell COLLATE \"C\") AS no FROM (SELECT DISTINCT cell FROM " + TABLE + ") d");
        plain.execute("ANALYZE " + units);
        plain.execute("ANALYZE " + cells);
        long numbered = System.nanoTime();
        // one integer key, cell ordinal × 2^32 + unit ordinal (fewer than 2^32 units, far fewer cells): the sort
        // decides on it alone
        String copy = "COPY (SELECT c.written, u.written_kind, u.written_pseudonym FROM " + TABLE
                + " l JOIN " + cells + " c USING (cell) JOIN " + units + " u USING (kind, source_id)"
                + " ORDER BY c.no * 4294967296 + u.no) TO STDOUT WITH (FORMAT csv, DELIMITER ';', ENCODING 'UTF8')";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            target.write(BOM);
            target.write((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
            CrLfLines lines = new CrLfLines(target);
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, lines);
            lines.flush();
            if (expected != null && rows != expected) { // never a shorter file
                throw new IllegalStateException("Pochodzenie: zapisano " + rows + " z " + expected + " wierszy — "
                        + (known != null ? "zachowana tabela pochodzenia przebiegu nie ma wszystkich "
                        + "wierszy albo jednostki podane przez zadanie nie obejmują wszystkich" : "jednostki podane przez "
                        + "zadanie nie obejmują wszystkich wierszy pochodzenia"));
            }
            plain.execute("DROP TABLE " + units + ", " + cells); // after a failure: the transaction's rollback
            log.info("Pochodzenie: {} wierszy (jednostki {}; pseudonimy i numery {} ms, sortowanie i zapis {} ms)", rows,
                    supplied ? "podane przez zadanie" : "z wierszy", (numbered - start) / 1_000_000,
                    (System.nanoTime() - numbered) / 1_000_000);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Zapis pliku pochodzenia (COPY) nie powiódł się", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** {@link SafeCsv#text} in SQL: a leading apostrophe before a text a spreadsheet could run as a formula */
    static String sqlSafe(String column) {
        String starts = SafeCsv.FORMULA_STARTS.chars().mapToObj(c -> "chr(" + c + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        return "CASE WHEN left(" + column + ", 1) IN (" + starts + ") THEN '''' || " + column + " ELSE " + column + " END";
    }

    /**
     * COPY's LF line ends as CRLF (not inside a quoted field), buffered. The bytes between two line ends are copied in
     * bulk ({@code System.arraycopy}); only the scan for {@code "} and LF is a loop over bytes — with no call per byte,
     * since at the country's scale the file has over a gigabyte (and a job started from the command line runs with the
     * first-tier compiler only, see the launcher script).
     */
    static final class CrLfLines extends java.io.FilterOutputStream {
        private final byte[] buffer = new byte[1 << 16];
        private int used;
        private boolean quoted;

        CrLfLines(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int end = offset + length;
            int run = offset; // the first byte not yet copied
            boolean inQuotes = quoted;
            for (int i = offset; i < end; i++) {
                byte b = bytes[i];
                if (b == '"') {
                    inQuotes = !inQuotes;
                } else if (b == '\n' && !inQuotes) {
                    copy(bytes, run, i - run);
                    put((byte) '\r');
                    run = i; // the LF itself starts the next run
                }
            }
            quoted = inQuotes;
            copy(bytes, run, end - run);
        }

        private void copy(byte[] bytes, int from, int length) throws IOException {
            while (length > 0) {
                if (used == buffer.length) {
                    drain();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(bytes, from, buffer, used, n);
                used += n;
                from += n;
                length -= n;
            }
        }

        private void put(byte b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = b;
        }

        private void drain() throws IOException {
            out.write(buffer, 0, used);
            used = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }
    }

}
