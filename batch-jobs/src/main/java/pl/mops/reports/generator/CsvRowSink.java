package pl.mops.reports.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pl.mops.reports.generator.GeneratedData.Benefit;
import pl.mops.reports.generator.GeneratedData.Contract;
import pl.mops.reports.generator.GeneratedData.Decision;
import pl.mops.reports.generator.GeneratedData.Family;
import pl.mops.reports.generator.GeneratedData.Membership;
import pl.mops.reports.generator.GeneratedData.Person;
import pl.mops.reports.generator.GeneratedData.PlanLine;
import pl.mops.reports.generator.GeneratedData.SocialWork;
import pl.mops.reports.generator.GeneratedData.Support;

/**
 * Streams rows into the interchange CSV files: UTF-8 without BOM, {@code ;}, LF, a header with the
 * contract's columns in contract order, {@code .} and exactly two decimals, empty field = no value.
 * Each file is written under a hidden temporary name and renamed into place by {@link #commit()}, so
 * the folder never holds a half-written file under its real name; {@link #close()} without a commit
 * removes the temporary files.
 */
final class CsvRowSink implements GeneratedRowSink, AutoCloseable {

    /**
     * The files the generator writes and their columns: contract version 2 ({@code shared/spec/interchange.md},
     * the version-2 additions after the columns and files of version 1). Kept here rather than taken from the
     * import's list of files, so the generator writes the same files whichever contract version the import of a
     * build reads (an import of version 1 ignores the extra column and files).
     */
    enum OutputFile {
        OSOBY("osoby.csv", "osoba_id", "pesel", "data_urodzenia", "plec", "obywatelstwo", "zrodlo_dochodu"),
        RODZINY("rodziny.csv", "rodzina_id", "dzielnica", "filia", "teren"),
        CZLONKOWIE("czlonkowie.csv", "rodzina_id", "osoba_id", "rola", "od", "do"),
        DECYZJE("decyzje.csv", "decyzja_id", "rodzina_id", "osoba_id", "data_wydania", "rodzaj", "powody"),
        SWIADCZENIA("swiadczenia.csv", "swiadczenie_id", "decyzja_id", "osoba_id", "forma", "podtyp", "zadanie", "data",
                "liczba", "kwota", "finansowanie", "cechy"),
        PRACA_SOCJALNA("praca_socjalna.csv", "rodzina_id", "data", "kontrakt"),
        KONTRAKTY("kontrakty.csv", "kontrakt_id", "rodzina_id", "osoba_id", "od", "do", "liczba_osob"),
        WSPARCIE("wsparcie.csv", "rodzina_id", "osoba_id", "data", "rodzaj"),
        PLAN("plan.csv", "rok", "forma", "kwota_planu");

        final String fileName;
        final List<String> columns;

        OutputFile(String fileName, String... columns) {
            this.fileName = fileName;
            this.columns = List.of(columns);
        }
    }

    private static final class Output {
        final Path target;
        final Path temporary;
        final Writer writer;
        long rows;

        Output(Path target, Path temporary, Writer writer) {
            this.target = target;
            this.temporary = temporary;
            this.writer = writer;
        }
    }

    private final Path dir;
    private final Map<OutputFile, Output> outputs = new EnumMap<>(OutputFile.class);
    private final StringBuilder line = new StringBuilder(160);
    private boolean committed;

    CsvRowSink(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            for (OutputFile file : OutputFile.values()) {
                Path target = dir.resolve(file.fileName);
                Path temporary = dir.resolve("." + file.fileName + ".tmp");
                Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                        StandardCharsets.UTF_8), 1 << 16);
                outputs.put(file, new Output(target, temporary, writer));
                writer.write(String.join(";", file.columns));
                writer.write('\n');
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void family(Family r) {
        write(OutputFile.RODZINY, r.rodzinaId(), r.district(), r.branch(), r.area());
    }

    @Override
    public void person(Person r) {
        write(OutputFile.OSOBY, r.osobaId(), r.pesel(), date(r.birthDate()), String.valueOf(r.sex()),
                r.citizenship(), r.incomeSource());
    }

    @Override
    public void membership(Membership r) {
        write(OutputFile.CZLONKOWIE, r.rodzinaId(), r.osobaId(), r.role(), date(r.from()), date(r.to()));
    }

    @Override
    public void decision(Decision r) {
        write(OutputFile.DECYZJE, r.decyzjaId(), r.rodzinaId(), r.osobaId(), date(r.issued()), r.kind(),
                r.reasons().isEmpty() ? null : String.join("|", r.reasons()));
    }

    @Override
    public void benefit(Benefit r) {
        write(OutputFile.SWIADCZENIA, r.swiadczenieId(), r.decyzjaId(), r.osobaId(), r.form(), r.subtype(),
                r.task(), date(r.date()), Integer.toString(r.count()), amount(r.amount()), r.financing(), r.markers());
    }

    @Override
    public void socialWork(SocialWork r) {
        write(OutputFile.PRACA_SOCJALNA, r.rodzinaId(), date(r.date()), r.contract() ? "1" : "0");
    }

    @Override
    public void contract(Contract r) {
        write(OutputFile.KONTRAKTY, r.kontraktId(), r.rodzinaId(), r.osobaId(), date(r.from()), date(r.to()),
                Integer.toString(r.persons()));
    }

    @Override
    public void support(Support r) {
        write(OutputFile.WSPARCIE, r.rodzinaId(), r.osobaId(), date(r.date()), r.kind());
    }

    @Override
    public void plan(PlanLine r) {
        write(OutputFile.PLAN, Integer.toString(r.year()), r.form(), amount(r.amount()));
    }

    /** closes the files, moves them to their names and says what was written */
    GenerationSummary commit() {
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            for (Output output : outputs.values()) {
                output.writer.close();
                try (FileChannel channel = FileChannel.open(output.temporary, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            for (Map.Entry<OutputFile, Output> entry : outputs.entrySet()) {
                Output output = entry.getValue();
                try {
                    Files.move(output.temporary, output.target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(output.temporary, output.target, StandardCopyOption.REPLACE_EXISTING);
                }
                rows.put(entry.getKey().fileName, output.rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed = true;
        return new GenerationSummary(dir, rows);
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Output output : outputs.values()) {
            try {
                output.writer.close();
            } catch (IOException ignored) {
                // the file is deleted below anyway
            }
            try {
                Files.deleteIfExists(output.temporary);
            } catch (IOException ignored) {
                // best effort: a hidden temporary file is left behind
            }
        }
    }

    private void write(OutputFile file, String... fields) {
        Output output = outputs.get(file);
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(';');
            }
            String field = fields[i];
            if (field != null) {
                appendField(field);
            }
        }
        line.append('\n');
        try {
            output.writer.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        output.rows++;
    }

    private void appendField(String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ';' || c == '"' || c == '\n' || c == '\r';
        }
        if (quote) {
            line.append('"').append(field.replace("\"", "\"\"")).append('"');
        } else {
            line.append(field);
        }
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String amount(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
