package pl.mops.reports.assessment.resources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import pl.mops.reports.assessment.resources.ResourceCatalogue.Chapter;
import pl.mops.reports.assessment.resources.ResourceCatalogue.Position;

/**
 * The resources typed in the console's form ({@link TypedResources}) checked by the same {@link ResourcesValidator}
 * as a YAML file, every problem with the form's field it concerns (the message is the validator's, word for word as
 * {@code run ozps} prints it after the file name and line); a workbook read into the form; the checked values
 * written as the YAML file a run reads.
 */
public final class ResourcesForm {

    /** the name of the resources file the form's values make */
    public static String fileName(int year) {
        return "zasoby-" + year + ".yaml";
    }

    /** @param field the form's field the problem concerns ({@code null}: the form as a whole) */
    public record FieldProblem(String field, String message) {
    }

    /** @param resources the validated values, {@code null} when there is any problem */
    public record Checked(ResourcesFile resources, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param typed    the values read, as the form shows them
     * @param problems what the workbook's reader refused, each naming its sheet and cell
     */
    public record WorkbookReading(TypedResources typed, List<String> problems) {
    }

    private ResourcesForm() {
    }

    public static Checked check(TypedResources typed) {
        List<String> fields = new ArrayList<>();
        ResourceProblems problems = new ResourceProblems(fileName(typed.year()), place -> fields.get(place - 1));
        RawResources raw = new RawResources();
        raw.yearRequired = false;
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            RawResources.ChapterEntry entry = new RawResources.ChapterEntry(chapter.key(), 0);
            raw.chapters.put(chapter.key(), entry);
            if (chapter.open()) {
                budget(typed, entry, fields, problems);
            }
            for (Position position : chapter.positions()) {
                int first = place(fields, TypedResources.valueField(chapter.key(), position.key(), typed.year() - 2));
                RawResources.PositionEntry p = new RawResources.PositionEntry(position.key(), first);
                entry.positions.put(position.key(), p);
                for (int y : typed.years()) {
                    String text = typed.value(chapter.key(), position.key(), y);
                    p.years.put(String.valueOf(y), new RawResources.Value(text, text.isBlank(),
                            place(fields, TypedResources.valueField(chapter.key(), position.key(), y))));
                }
            }
            String source = typed.source(chapter.key());
            if (!source.isEmpty()) {
                raw.sources.put(chapter.key(), new RawResources.Text(source,
                        place(fields, TypedResources.sourceField(chapter.key()))));
            }
        }
        ResourcesFile file = ResourcesValidator.validate(raw, typed.year(), fileName(typed.year()), "", problems);
        List<FieldProblem> found = problems.problems().stream()
                .map(p -> new FieldProblem(p.line() > 0 ? fields.get(p.line() - 1) : null, p.message())).toList();
        return new Checked(found.isEmpty() ? file : null, found);
    }

    private static void budget(TypedResources typed, RawResources.ChapterEntry entry, List<String> fields,
                               ResourceProblems problems) {
        List<TypedResources.BudgetRow> rows = typed.budget();
        for (int r = 0; r < rows.size(); r++) {
            TypedResources.BudgetRow row = rows.get(r);
            int keyPlace = place(fields, TypedResources.budgetKeyField(r));
            if (row.key().isEmpty()) {
                problems.add(keyPlace, "wartość w wierszu " + (r + 1) + " budżetu bez numeru rozdziału — wpisz numer "
                        + "rozdziału (np. 85219) albo wyczyść wiersz.");
                continue;
            }
            if (entry.positions.containsKey(row.key())) {
                problems.add(keyPlace, "powtórzony rozdział „" + row.key() + "” w wierszu " + (r + 1)
                        + " budżetu; obowiązuje pierwszy.");
                continue;
            }
            RawResources.PositionEntry p = new RawResources.PositionEntry(row.key(), keyPlace);
            entry.positions.put(row.key(), p);
            for (int i = 0; i < 3; i++) {
                String text = row.values().get(i);
                p.years.put(String.valueOf(typed.years().get(i)), new RawResources.Value(text, text.isBlank(),
                        place(fields, TypedResources.budgetValueField(r, typed.years().get(i)))));
            }
        }
    }

    private static int place(List<String> fields, String field) {
        fields.add(field);
        return fields.size();
    }

    /**
     * Reads a workbook of {@code ozps template --xlsx} into the form: every value as its cell holds it (a number with a
     * decimal comma), whatever the validator will say of it; the reader's own refusals (a formula, an unknown sheet…)
     * name their sheet and cell.
     *
     * @throws pl.mops.reports.system.UserError when the bytes are no workbook at all
     */
    public static WorkbookReading readWorkbook(byte[] content, String fileName, int year) {
        List<String> places = new ArrayList<>();
        ResourceProblems problems = new ResourceProblems(fileName, place -> places.get(place - 1));
        RawResources raw = ResourcesWorkbookReader.read(content, fileName, year, problems, places);
        TypedResources typed = new TypedResources(year);
        for (Chapter chapter : ResourceCatalogue.CHAPTERS) {
            RawResources.ChapterEntry entry = raw.chapters.get(chapter.key());
            if (entry == null) {
                problems.add(0, "brak arkusza „" + ResourcesWorkbookLayout.SHEETS.get(chapter.key()) + "” (rozdział "
                        + chapter.key() + ": " + chapter.title() + ").");
                continue;
            }
            for (RawResources.PositionEntry position : entry.positions.values()) {
                List<String> texts = typed.years().stream().map(y -> text(position.years.get(String.valueOf(y)))).toList();
                if (chapter.open()) {
                    typed.addBudgetRow(position.key, texts);
                } else if (chapter.position(position.key).isPresent()) {
                    for (int i = 0; i < 3; i++) {
                        typed.value(chapter.key(), position.key, typed.years().get(i), texts.get(i));
                    }
                } else {
                    problems.add(position.line, "nieznany klucz „" + position.key + "” w rozdziale " + chapter.key()
                            + Suggestions.hint(position.key, chapter.positions().stream().map(Position::key).toList()));
                }
            }
        }
        for (Map.Entry<String, RawResources.Text> source : raw.sources.entrySet()) {
            if (ResourceCatalogue.chapter(source.getKey()).isPresent()) {
                typed.source(source.getKey(), source.getValue().text());
            }
        }
        return new WorkbookReading(typed, problems.messages());
    }

    private static String text(RawResources.Value value) {
        if (value == null || value.empty()) {
            return "";
        }
        String text = value.text().strip();
        return text.matches("-?\\d+(\\.\\d+)?") ? TypedResources.shown(new java.math.BigDecimal(text)) : text;
    }

    /** the YAML file a run reads, of values without problems ({@link Checked#resources()}) */
    public static byte[] yaml(ResourcesFile resources) {
        String header = "# Zasoby pomocy społecznej do oceny za rok " + resources.year() + ", wpisane w formularzu "
                + "konsoli (/zasoby/" + resources.year() + ")\n# i zapisane przez program w postaci, którą czyta "
                + "polecenie run ozps --resources.\n";
        return ResourcesYamlWriter.text(resources, header).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
