package pl.mops.reports.importing.validation;

import java.util.List;

import pl.mops.reports.importing.InterchangeFile;

/** {@code rodziny.csv}; an empty branch is derived from the district (dictionary {@code dzielnice}). */
public final class FamilyRows implements RowRules {

    private final ImportDictionaries dictionaries;

    public FamilyRows(ImportDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public InterchangeFile file() {
        return InterchangeFile.RODZINY;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("rodzina_id"), RowRules.text("dzielnica"), RowRules.text("filia"),
                RowRules.text("teren"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.id("rodzina_id");
        String rawDistrict = in.required("dzielnica");
        String district = null;
        if (rawDistrict != null) {
            district = dictionaries.districtByCodeOrNumber().get(Codes.canonical(rawDistrict));
            if (district == null) {
                in.problem("dzielnica", rawDistrict, "nieznany kod dzielnicy „" + rawDistrict + "” (dozwolone: "
                        + String.join(", ", dictionaries.districtCodes()) + " albo numery 1–"
                        + dictionaries.districtCodes().size() + ")");
            }
        }
        String branch = in.code("filia", false, dictionaries.branches(), "kod filii");
        if (branch == null && district != null && in.raw("filia") == null) {
            branch = dictionaries.branchOfDistrict().get(district);
        }
        v[1] = district;
        v[2] = branch;
        String area = in.code("teren", false, ImportDictionaries.AREAS, "teren");
        v[3] = area == null ? "MIASTO" : area;
    }
}
