package pl.mops.reports.importing.validation;

import java.util.List;

import pl.mops.reports.importing.InterchangeFile;

/** {@code plan.csv} (optional): the financial plan of a year per benefit form. */
public final class PlanRows implements RowRules {

    private final ImportDictionaries dictionaries;

    public PlanRows(ImportDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public InterchangeFile file() {
        return InterchangeFile.PLAN;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(new StagingColumn("rok", "integer"), RowRules.text("forma"),
                new StagingColumn("kwota_planu", "numeric(14,2)"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        Integer year = in.integer("rok", true, 1990);
        if (year != null && year > 2100) {
            in.problem("rok", year.toString(), "rok " + year + " jest spoza zakresu 1990–2100");
            year = null;
        }
        v[0] = year;
        v[1] = in.code("forma", true, dictionaries.forms().keySet(), "kod formy świadczenia");
        v[2] = in.amount("kwota_planu", true);
    }
}
