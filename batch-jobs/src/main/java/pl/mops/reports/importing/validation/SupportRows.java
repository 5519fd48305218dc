package pl.mops.reports.importing.validation;

import java.util.List;

import pl.mops.reports.importing.Version2File;

/**
 * {@code wsparcie.csv} (contract version 2, optional): help given without a benefit decision. An empty
 * {@code osoba_id} means the family (its applicant on that day; a day without one is a row error, checked in
 * {@code import-checks.sql}).
 */
public final class SupportRows implements RowRules {

    @Override
    public Version2File file() {
        return Version2File.WSPARCIE;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("rodzina_id"), RowRules.text("osoba_id"), RowRules.date("data"),
                RowRules.text("rodzaj"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.required("rodzina_id");
        v[1] = in.raw("osoba_id");
        v[2] = in.date("data", true);
        v[3] = in.code("rodzaj", true, ImportDictionaries.SUPPORT_KINDS, "rodzaj wsparcia");
    }
}
