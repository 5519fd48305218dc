package pl.mops.reports.database;

import java.util.ArrayList;
import java.util.List;

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
 * Copies the dictionaries of {@code config/} into the dictionary tables on every start, in one
 * transaction, so that users change a dictionary by editing a file and SQL can join against it. Not when the
 * command reads through another process's embedded server ({@code mops.database.read-only}): it must not write.
 */
@Component
@Order(0)
public class DictionarySynchronizer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DictionarySynchronizer.class);

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
        synchronize();
    }

    public void synchronize() {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM dict_reason");
            jdbc.update("DELETE FROM dict_form");
            jdbc.update("DELETE FROM dict_subtype");
            jdbc.update("DELETE FROM dict_marker");
            jdbc.update("DELETE FROM dict_branch");
            jdbc.update("DELETE FROM dict_district");
            jdbc.update("DELETE FROM district_population");
            insertAll("slowniki/powody.csv", "INSERT INTO dict_reason (code, name, ordinal) VALUES (?, ?, ?)",
                    (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), i});
            // the codes of contract version 1, then those contract version 2 added: their own files (the file is the
            // tag that leaves them out of a version-1 export's fingerprint), ordinals continuing after version 1
            insertForms("formy-wersja-2.csv", 2, insertForms("formy.csv", 1, 1));
            insertSubtypes("podtypy-wersja-2.csv", 2, insertSubtypes("podtypy.csv", 1, 1));
            insertAll("slowniki/cechy.csv", "INSERT INTO dict_marker (code, name, ordinal) VALUES (?, ?, ?)",
                    (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), i});
            insertAll("slowniki/filie.csv", "INSERT INTO dict_branch (code, name, ordinal) VALUES (?, ?, ?)",
                    (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), i});
            insertAll("slowniki/dzielnice.csv",
                    "INSERT INTO dict_district (code, number, name, branch, ordinal) VALUES (?, ?, ?, ?, ?)",
                    (r, i) -> new Object[] {r.get("kod"), Integer.parseInt(r.get("numer")), r.get("nazwa"), r.get("filia"), i});
            insertAll("ludnosc-dzielnic.csv", "INSERT INTO district_population (district, year, population) VALUES (?, ?, ?)",
                    (r, i) -> new Object[] {r.get("dzielnica"), Integer.parseInt(r.get("rok")), Integer.parseInt(r.get("ludnosc"))});
        });
        log.info("Słowniki z config/ zsynchronizowane z bazą");
    }

    /** @return the next ordinal */
    private int insertForms(String file, int contractVersion, int firstOrdinal) {
        return insertAll("slowniki/" + file,
                "INSERT INTO dict_form (code, name, task, cash, contract_version, ordinal) VALUES (?, ?, ?, ?, ?, ?)",
                (r, i) -> new Object[] {r.get("kod"), r.get("nazwa"), r.get("zadanie"), "1".equals(r.get("pieniezna")),
                        contractVersion, i}, firstOrdinal);
    }

    /** @return the next ordinal */
    private int insertSubtypes(String file, int contractVersion, int firstOrdinal) {
        return insertAll("slowniki/" + file,
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

    private void insertAll(String file, String sql, RowMapper mapper) {
        insertAll(file, sql, mapper, 1);
    }

    /** @return the next ordinal after the file's rows */
    private int insertAll(String file, String sql, RowMapper mapper, int firstOrdinal) {
        List<CSVRecord> records = ConfigCsv.read(file);
        int ordinal = firstOrdinal;
        List<Object[]> rows = new ArrayList<>(records.size());
        for (CSVRecord record : records) {
            rows.add(mapper.map(record, ordinal++));
        }
        // one batch a file: the dictionaries are written on every start, one round trip a row cost it ~0.5 s
        jdbc.batchUpdate(sql, rows);
        return ordinal;
    }
}
