package pl.mops.reports.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.assessment.resources.ResourceCatalogue;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Chapter;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Kind;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Position;
import pl.mops.reports.assessment.resources.ResourcesForm;
import pl.mops.reports.assessment.resources.ResourcesPrefill;
import pl.mops.reports.assessment.resources.TypedResources;

/**
 * What the resources form ({@code zasoby-formularz.html}) shows: a fieldset per chapter of the catalogue with a row per
 * position and a field per year, each field with its label for a screen reader, the validator's problems at it and
 * the note of a prefilled value; and the list of every problem linking to its field.
 */
final class ResourcesFormView {

    /** how many empty budget rows the form offers below the typed ones */
    static final int EMPTY_BUDGET_ROWS = 3;

    /**
     * One input.
     *
     * @param name     the form's field name ({@link TypedResources})
     * @param label    what a screen reader says of it, e.g. "Pracownicy socjalni — osoby, rok 2024"
     * @param problems the validator's messages at this field
     * @param note     where a prefilled value came from ({@code null}: typed)
     */
    record Field(String name, String value, String label, List<String> problems, String note) {
        public String id() {
            return ResourcesFormView.id(name);
        }

        public boolean invalid() {
            return !problems.isEmpty();
        }

        public String errorId() {
            return id() + "-blad";
        }

        public String noteId() {
            return id() + "-uwaga";
        }

        /** the ids of the problem and the note, for aria-describedby; {@code null} when there is neither */
        public String describedBy() {
            String ids = ((invalid() ? errorId() : "") + (note != null ? " " + noteId() : "")).strip();
            return ids.isEmpty() ? null : ids;
        }
    }

    /** one position: its label, unit, fields (and for the budget its key field), notes below the label */
    record Row(String label, String unit, Field key, List<Field> years, List<String> notes) {
    }

    record ChapterView(String key, String title, String comment, boolean open, List<Row> rows, Field source) {
    }

    /** one line of the list of problems above the form: a link to the field ({@code null}: no field) */
    record Problem(String href, String message) {
    }

    private final TypedResources typed;
    private final ResourcesPrefill prefill;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    private final List<Problem> summary = new ArrayList<>();

    ResourcesFormView(TypedResources typed, ResourcesPrefill prefill, List<ResourcesForm.FieldProblem> found) {
        this.typed = typed;
        this.prefill = prefill;
        for (ResourcesForm.FieldProblem problem : found) {
            if (problem.field() != null) {
                problems.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(problem.message());
            }
            summary.add(new Problem(problem.field() == null ? null : "#" + id(problem.field()), problem.message()));
        }
    }

    static String id(String name) {
        return "p-" + name.replace('.', '-');
    }

    List<Problem> summary() {
        return summary;
    }

    List<ChapterView> chapters() {
        List<ChapterView> chapters = new ArrayList<>();
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            List<Row> rows = chapter.open() ? budgetRows() : positionRows(chapter);
            String sourceName = TypedResources.sourceField(chapter.key());
            chapters.add(new ChapterView(chapter.key(), chapter.title(), chapter.comment(), chapter.open(), rows,
                    field(sourceName, typed.source(chapter.key()), "Źródło danych: " + chapter.title(), null)));
        }
        return chapters;
    }

    private List<Row> positionRows(Chapter chapter) {
        List<Row> rows = new ArrayList<>();
        for (Position position : chapter.positions()) {
            List<Field> years = new ArrayList<>();
            for (int y : typed.years()) {
                String value = typed.value(chapter.key(), position.key(), y);
                String prefilled = TypedResources.prefilled(prefill, chapter.key(), position.key(), y);
                String note = !prefilled.isEmpty() && value.equals(prefilled)
                        ? prefill.valueNote(chapter.key(), position.key(), y) : null;
                years.add(field(TypedResources.valueField(chapter.key(), position.key(), y), value,
                        position.label() + ", rok " + y, note == null ? null : "Wpisane wstępnie: " + note + "."));
            }
            List<String> notes = new ArrayList<>();
            if (!position.comment().replace(": ", " — ").equalsIgnoreCase(position.label())) {
                notes.add(position.comment()); // only a comment that adds to the label (a rule, a reminder)
            }
            prefill.notes(chapter.key(), position.key()).stream().map(String::strip).forEach(notes::add);
            rows.add(new Row(position.label(), position.kind().unit, null, years, notes));
        }
        return rows;
    }

    private List<Row> budgetRows() {
        List<Row> rows = new ArrayList<>();
        List<TypedResources.BudgetRow> typedRows = typed.budget();
        for (int r = 0; r < typedRows.size() + EMPTY_BUDGET_ROWS; r++) {
            TypedResources.BudgetRow row = r < typedRows.size() ? typedRows.get(r) : null;
            String key = row == null ? "" : row.key();
            String label = ResourceCatalogue.isBudgetChapter(key) ? ResourceCatalogue.budgetLabel(key)
                    : "Wiersz " + (r + 1) + " (wpisz numer rozdziału)";
            Field keyField = field(TypedResources.budgetKeyField(r), key, "Numer rozdziału klasyfikacji budżetowej, wiersz "
                    + (r + 1), null);
            List<Field> years = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int y = typed.years().get(i);
                years.add(field(TypedResources.budgetValueField(r, y), row == null ? "" : row.values().get(i),
                        (key.isEmpty() ? "Wiersz " + (r + 1) + " budżetu" : "Rozdział " + key) + ", rok " + y, null));
            }
            rows.add(new Row(label, Kind.AMOUNT.unit, keyField, years, List.of()));
        }
        return rows;
    }

    private Field field(String name, String value, String label, String note) {
        return new Field(name, value, label, problems.getOrDefault(name, List.of()), note);
    }
}
