package pl.mops.reports.importing.validation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import pl.mops.reports.importing.InterchangeFile;

/** {@code decyzje.csv}; the reasons are stored canonical, joined with {@code |}, in dictionary order. */
public final class DecisionRows implements RowRules {

    private final ImportDictionaries dictionaries;

    public DecisionRows(ImportDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public InterchangeFile file() {
        return InterchangeFile.DECYZJE;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("decyzja_id"), RowRules.text("rodzina_id"), RowRules.text("osoba_id"),
                RowRules.date("data_wydania"), RowRules.text("rodzaj"), RowRules.text("powody"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.id("decyzja_id");
        v[1] = in.required("rodzina_id");
        v[2] = in.required("osoba_id");
        v[3] = in.date("data_wydania", true);
        String kind = in.code("rodzaj", true, ImportDictionaries.DECISION_KINDS, "rodzaj decyzji");
        v[4] = kind;
        String raw = in.raw("powody");
        Set<String> reasons = new LinkedHashSet<>();
        if (raw != null) {
            for (String part : raw.split("\\|", -1)) {
                String code = Codes.canonical(part);
                if (code.isEmpty()) {
                    in.problem("powody", raw, "pusty kod powodu na liście „" + raw + "” (kody rozdziela znak |)");
                } else if (!dictionaries.reasons().contains(code)) {
                    in.problem("powody", part.trim(), "nieznany powód „" + part.trim() + "” (słownik powodów: "
                            + String.join(", ", dictionaries.reasons()) + ")");
                } else {
                    reasons.add(code);
                }
            }
        }
        if (reasons.isEmpty() && raw == null && ("PRZYZNANIE".equals(kind) || "ODMOWA".equals(kind))) {
            in.problem("powody", "", "decyzja " + kind + " musi podawać co najmniej jeden powód");
        }
        v[5] = dictionaries.reasons().stream().filter(reasons::contains).reduce((a, b) -> a + "|" + b).orElse(null);
    }
}
