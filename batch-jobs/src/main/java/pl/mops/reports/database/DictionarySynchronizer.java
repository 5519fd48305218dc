package pl.mops.reports.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies the dictionaries of {@code config/} into the dictionary tables, in one transaction, so that users change a
 * dictionary by editing a file and SQL can join against it. At start ({@link #run}) only when they differ: the rows
 * read from {@code config/} or the tables' content are not what {@code dict_sync} recorded at the last copy (issue 17:
 * rewriting all seven tables on every start cost about 0.08 s and a write transaction, even for {@code status}); a
 * table changed by hand is therefore still copied over at the next start. Not when the command reads through another
 * process's embedded server ({@code mops.database.read-only}): it must not write.
 */
@Component
@Order(0)
public class DictionarySynchronizer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DictionarySynchronizer.class);
    /** the SHA-256 of the rows read from config/ ({@link #fingerprint}, the statement's parameter) */
    private static final String CONFIG_SHA256 = "encode(sha256(convert_to(CAST(? AS text), 'UTF8')), 'hex')";
    /** the tables' content, each table's rows as text in a fixed order: compared only with its own earlier value */
    private static final String CONTENT_SHA256 = "encode(sha256(convert_to(concat_ws(chr(10), "
            + String.join(", ", Stream.of("dict_reason", "dict_form", "dict_subtype", "dict_marker",
                    "dict_branch", "dict_district", "district_population")
                    .map(t -> "(SELECT string_agg(x::text, chr(30) ORDER BY x::text COLLATE \"C\") FROM " + t + " x)")
                    .toList())
            + "), 'UTF8')), 'hex')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean readOnly;

    public DictionarySynchronizer(JdbcTemplate jdbc, TransactionTemplate transaction,
                                  @Value("${mops.database.read-only:false}") boolean readOnly) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.readOnly = readOnly;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (readOnly) {
            log.info("Słowniki nie są synchronizowane: odczyt przez serwer bazy innego procesu");
            return;
        }
        List<TableRows> tables = read();
        String fingerprint = fingerprint(tables);
        Boolean same = jdbc.query("SELECT config_sha256 = " + CONFIG_SHA256 + " AND content_sha256 = " + CONTENT_SHA256
                        + " FROM dict_sync",
                rs -> rs.next() ? rs.getBoolean(1) : null, fingerprint);
        if (Boolean.TRUE.equals(same)) {
            log.info("Słowniki w bazie zgodne z config/");
            return;
        }
        write(tables, fingerprint);
    }

    /** copies the dictionaries whether they differ or not */
    public void synchronize() {
        List<TableRows> tables = read();
        write(tables, fingerprint(tables));
    }

    /** the rows of one table, as inserted */
    private record TableRows(String insert, List<Object[]> rows) {
    }

    private static List<TableRows> read() {
        List<TableRows> tables = new ArrayList<>();
        tables.add(rows("slowniki/powody.csv", "INSERT INTO dict_reason (code, name, ordinal) VALUES (?, ?, ?)",
                (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), i}, 1));
        // the codes of contract version 1, then those contract version 2 added: their own files (the file is the
        // tag that leaves them out of a version-1 export's fingerprint), ordinals continuing after version 1
        TableRows forms = forms("formy.csv", 1, 1);
        TableRows subtypes = subtypes("podtypy.csv", 1, 1);
        tables.add(merged(forms, forms("formy-wersja-2.csv", 2, forms.rows().size() + 1)));
        tables.add(merged(subtypes, subtypes("podtypy-wersja-2.csv", 2, subtypes.rows().size() + 1)));
        tables.add(rows("slowniki/cechy.csv", "INSERT INTO dict_marker (code, name, ordinal) VALUES (?, ?, ?)",
                (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), i}, 1));
        tables.add(rows("slowniki/filie.csv", "INSERT INTO dict_branch (code, name, ordinal) VALUES (?, ?, ?)",
                (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), i}, 1));
        tables.add(rows("slowniki/dzielnice.csv",
                "INSERT INTO dict_district (code, number, name, branch, ordinal) VALUES (?, ?, ?, ?, ?)",
                (r, i) -> new Object[] {r.get("kod"), Integer.parseInt(r.get("numer")), r.get("nazwa"), r.get("filia"), i},
                1));
        tables.add(rows("ludnosc-dzielnic.csv",
                "INSERT INTO district_population (district, year, population) VALUES (?, ?, ?)",
                (r, i) -> new Object[] {r.get("dzielnica"), Integer.parseInt(r.get("rok")), Integer.parseInt(r.get("ludnosc"))},
                1));
        return tables;
    }

    private static TableRows merged(TableRows first, TableRows second) {
        List<Object[]> rows = new ArrayList<>(first.rows());
        rows.addAll(second.rows());
        return new TableRows(first.insert(), rows);
    }

    /**
     * every table's insert and rows, in order, as text (a changed file or a changed mapping changes it); the database
     * keeps and compares its SHA-256 ({@link #CONFIG_SHA256})
     */
    private static String fingerprint(List<TableRows> tables) {
        StringBuilder text = new StringBuilder();
        for (TableRows table : tables) {
            text.append(table.insert()).append('\n');
            table.rows().forEach(row -> text.append(Arrays.deepToString(row)).append('\n'));
        }
        return text.toString();
    }

    private void write(List<TableRows> tables, String fingerprint) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM dict_reason");
            jdbc.update("DELETE FROM dict_form");
            jdbc.update("DELETE FROM dict_subtype");
            jdbc.update("DELETE FROM dict_marker");
            jdbc.update("DELETE FROM dict_branch");
            jdbc.update("DELETE FROM dict_district");
            jdbc.update("DELETE FROM district_population");
            // one batch a table: one round trip a row cost it ~0.5 s
            tables.forEach(table -> jdbc.batchUpdate(table.insert(), table.rows()));
            jdbc.update("DELETE FROM dict_sync");
            jdbc.update("INSERT INTO dict_sync (config_sha256, content_sha256) SELECT " + CONFIG_SHA256 + ", "
                    + CONTENT_SHA256, fingerprint);
        });
        log.info("Słowniki z config/ zsynchronizowane z bazą");
    }

    private static TableRows forms(String file, int contractVersion, int firstOrdinal) {
        return rows("slowniki/" + file,
                "INSERT INTO dict_form (code, name, task, cash, contract_version, ordinal) VALUES (?, ?, ?, ?, ?, ?)",
                (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), r.get("zadanie"), "1".equals(r.get("pieniezna")),
                        contractVersion, i}, firstOrdinal);
    }

    private static TableRows subtypes(String file, int contractVersion, int firstOrdinal) {
        return rows("slowniki/" + file,
                "INSERT INTO dict_subtype (form, code, name, cash, contract_version, ordinal) VALUES (?, ?, ?, ?, ?, ?)",
                (r, i) -> new Object[] {r.get("forma"), r.get("kod"), r.get("nazwa"), cashOverride(file, r),
                        contractVersion, i}, firstOrdinal);
    }

    /** an optional column of a dictionary file: empty when the file has no such column or the row leaves it out */
    static String optional(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
    }

    /** {@code pieniezna} of a sub-type: 1 or 0 overrides the form's flag, empty = the form's flag (null) */
    static Boolean cashOverride(String file, CSVRecord record) {
        String value = optional(record, "pieniezna");
        return switch (value) {
            case "" -> null;
            case "1" -> Boolean.TRUE;
            case "0" -> Boolean.FALSE;
            default -> throw new IllegalStateException("config/slowniki/" + file + ", kod " + record.get("forma") + "/"
                    + record.get("kod") + ": kolumna pieniezna może być pusta (jak forma) albo mieć wartość 1 lub 0, a ma „" + value + "”");
        };
    }

    private interface RowMapper {
        Object[] map(CSVRecord record, int ordinal);
    }

    /** a file's rows, numbered from {@code firstOrdinal} */
    private static TableRows rows(String file, String insert, RowMapper mapper, int firstOrdinal) {
        List<CSVRecord> records = ConfigCsv.read(file);
        int ordinal = firstOrdinal;
        List<Object[]> rows = new ArrayList<>(records.size());
        for (CSVRecord record : records) {
            rows.add(mapper.map(record, ordinal++));
        }
        return new TableRows(insert, rows);
    }
}
