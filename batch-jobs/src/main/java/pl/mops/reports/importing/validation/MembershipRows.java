package pl.mops.reports.importing.validation;

import java.time.LocalDate;
import java.util.List;

import pl.mops.reports.importing.InterchangeFile;

/** {@code czlonkowie.csv}: the columns {@code od}/{@code do} are stored as {@code data_od}/{@code data_do}. */
public final class MembershipRows implements RowRules {

    @Override
    public InterchangeFile file() {
        return InterchangeFile.CZLONKOWIE;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("rodzina_id"), RowRules.text("osoba_id"), RowRules.text("rola"),
                RowRules.date("data_od"), RowRules.date("data_do"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.required("rodzina_id");
        v[1] = in.required("osoba_id");
        v[2] = in.code("rola", true, ImportDictionaries.ROLES, "kod roli");
        LocalDate from = in.date("od", true);
        LocalDate to = in.date("do", false);
        if (from != null && to != null && to.isBefore(from)) {
            in.problem("do", to.toString(), "koniec członkostwa " + to + " jest wcześniejszy niż jego początek " + from);
        }
        v[3] = from;
        v[4] = to;
    }
}
