package pl.mops.reports.importing.validation;

import java.util.List;
import java.util.Set;

import pl.mops.reports.database.Dictionaries;
import pl.mops.reports.importing.InterchangeFile;

/**
 * {@code swiadczenia.csv}; an empty task is taken from the form dictionary. The markers ({@code cechy}, contract
 * version 2) are stored canonical, joined with {@code |}, in dictionary order; a marker given twice counts once
 * (a realisation has a marker or not), as with the reasons of a decision.
 */
public final class BenefitRows implements RowRules {

    private final ImportDictionaries dictionaries;

    public BenefitRows(ImportDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    @Override
    public InterchangeFile file() {
        return InterchangeFile.SWIADCZENIA;
    }

    @Override
    public List<StagingColumn> stagingColumns() {
        return List.of(RowRules.text("swiadczenie_id"), RowRules.text("decyzja_id"), RowRules.text("osoba_id"),
                RowRules.text("forma"), RowRules.text("podtyp"), RowRules.text("zadanie"), RowRules.date("data"),
                new StagingColumn("liczba", "integer"), new StagingColumn("kwota", "numeric(14,2)"),
                RowRules.text("finansowanie"), RowRules.text("cechy"));
    }

    @Override
    public void read(FieldReader in, Object[] v) {
        v[0] = in.id("swiadczenie_id");
        v[1] = in.required("decyzja_id");
        v[2] = in.raw("osoba_id");
        String form = in.code("forma", true, dictionaries.forms().keySet(), "kod formy świadczenia");
        v[3] = form;
        String rawSubtype = in.raw("podtyp");
        if (rawSubtype != null && form != null) {
            Set<String> allowed = dictionaries.subtypes().getOrDefault(form, Set.of());
            String subtype = Codes.canonical(rawSubtype);
            if (allowed.isEmpty()) {
                in.problem("podtyp", rawSubtype, "forma " + form + " nie ma podtypów, a podano „" + rawSubtype + "”");
            } else if (!allowed.contains(subtype)) {
                in.problem("podtyp", rawSubtype, "podtyp „" + rawSubtype + "” nie należy do formy " + form
                        + " (dozwolone: " + String.join(", ", allowed) + ")");
            } else {
                v[4] = subtype;
            }
        }
        String task = in.code("zadanie", false, ImportDictionaries.TASKS, "kod zadania");
        if (task == null && form != null && in.raw("zadanie") == null) {
            Dictionaries.Form definition = dictionaries.forms().get(form);
            task = definition.task();
        }
        v[5] = task;
        v[6] = in.date("data", true);
        v[7] = in.integer("liczba", true, 1);
        v[8] = in.amount("kwota", true);
        v[9] = in.code("finansowanie", false, ImportDictionaries.FINANCING, "kod finansowania");
        v[10] = markers(in);
    }

    private String markers(FieldReader in) {
        String raw = in.raw("cechy");
        if (raw == null) {
            return null;
        }
        Set<String> markers = new java.util.HashSet<>();
        for (String part : raw.split("\\|", -1)) {
            String code = Codes.canonical(part);
            if (code.isEmpty()) {
                in.problem("cechy", raw, "pusty kod cechy na liście „" + raw + "” (kody rozdziela znak |)");
            } else if (!dictionaries.markers().containsKey(code)) {
                in.problem("cechy", part.trim(), "nieznany kod cechy świadczenia „" + part.trim() + "” (dozwolone: "
                        + String.join(", ", dictionaries.markers().keySet()) + ")");
            } else {
                markers.add(code);
            }
        }
        return dictionaries.markers().keySet().stream().filter(markers::contains).reduce((a, b) -> a + "|" + b)
                .orElse(null);
    }
}
