package pl.mops.reports.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import pl.mops.reports.rendering.csv.SafeCsv;

/**
 * The cell lineage of one run ({@code pochodzenie.csv}): the job fills the temporary table
 * {@code pg_temp.audit_lineage (cell, kind, source_id)} set-based in SQL, and it is written out sorted,
 * with the pseudonyms computed in the same query and the rows fetched through a cursor — the file is never
 * held in memory. Must run inside one transaction (the table is dropped at commit).
 */
@Component
public class LineageTable {

    public static final String TABLE = "pg_temp.audit_lineage";
    static final String HEADER = "komorka;rodzaj;pseudonim";

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final PseudonymSecret secret;

    public LineageTable(DataSource dataSource, PseudonymSecret secret) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(10_000);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.secret = secret;
    }

    public void create() {
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS " + TABLE);
        jdbc.getJdbcTemplate().execute("CREATE TEMP TABLE audit_lineage (cell text COLLATE \"C\" NOT NULL, "
                + "kind text NOT NULL, source_id text NOT NULL) ON COMMIT DROP");
    }

    public void drop() {
        jdbc.getJdbcTemplate().execute("DROP TABLE IF EXISTS " + TABLE);
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

    /** writes the UTF-8 CSV with BOM and {@code ;}, lines sorted by cell, kind and pseudonym; @return data lines */
    public long writeCsv(OutputStream target) {
        byte[] key = secret.key();
        Map<String, Object> keys = Map.of("innerKey", Pseudonyms.innerKey(key), "outerKey", Pseudonyms.outerKey(key));
        // a unit counted in many cells (a family is in its city, district, branch, forms and reasons, per period)
        // gets its HMAC computed once, not once per line
        String sql = "WITH units AS (SELECT kind, source_id, " + Pseudonyms.sqlExpression("kind", "source_id")
                + " AS pseudonym FROM (SELECT DISTINCT kind, source_id FROM " + TABLE + ") d)"
                + " SELECT l.cell, l.kind, u.pseudonym FROM " + TABLE + " l JOIN units u USING (kind, source_id)"
                + " ORDER BY l.cell, l.kind, u.pseudonym COLLATE \"C\"";
        try {
            Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
            out.write('\uFEFF');
            out.write(HEADER + "\r\n");
            long[] lines = {0};
            streaming.query(sql, keys, rs -> {
                try {
                    out.write(field(rs.getString(1)));
                    out.write(';');
                    out.write(field(rs.getString(2)));
                    out.write(';');
                    out.write(field(rs.getString(3)));
                    out.write("\r\n");
                    lines[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return lines[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** a text cell: neutralised against formula injection ({@link SafeCsv}), quoted when it needs it */
    private static String field(String text) {
        String value = SafeCsv.text(text);
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
