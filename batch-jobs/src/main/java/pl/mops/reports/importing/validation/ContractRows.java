package pl.mops.reports.importing.validation;

import java.time.LocalDate;
import java.util.List;

import pl.mops.reports.importing.Version2File;

/**
 * {@code kontrakty.csv} (contract version 2, optional): social contracts. The columns {@code od}/{@code do} are
 * stored as {@code data_od}/{@code data_do}; an empty {@code liczba_osob} is 1.
 */
public final class ContractRows implements RowRules {

    @Override
    public Version2File file() {
        return Version2File.KONTRAKTY;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("kontrakt_id"), RowRules.text("rodzina_id"), RowRules.text("osoba_id"),
                RowRules.date("data_od"), RowRules.date("data_do"), new StagingColumn("liczba_osob", "integer"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.id("kontrakt_id");
        v[1] = in.required("rodzina_id");
        v[2] = in.required("osoba_id");
        LocalDate from = in.date("od", true);
        LocalDate to = in.date("do", false);
        if (from != null && to != null && to.isBefore(from)) {
            in.problem("do", to.toString(), "koniec kontraktu " + to + " jest wcześniejszy niż jego początek " + from);
        }
        v[3] = from;
        v[4] = to;
        Integer persons = in.integer("liczba_osob", false, 1);
        v[5] = persons == null ? Integer.valueOf(1) : persons;
    }
}
