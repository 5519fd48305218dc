package pl.mops.reports.assessment.resources;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the YAML form of a resources file into {@link RawResources}. SnakeYAML only composes the node tree
 * (safe: no objects are constructed); every scalar's text is taken as written, so YAML 1.1 quirks (010 read
 * as octal, "yes" as true) never turn into numbers silently. Line numbers come from the nodes' marks.
 */
final class YamlResourcesReader {

    private YamlResourcesReader() {
    }

    static RawResources read(String content, ResourceProblems problems) {
        RawResources raw = new RawResources();
        raw.yearRequired = true;
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(10 * 1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(content));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(line, syntaxMessage(e.getProblem()));
            return raw;
        } catch (YAMLException e) {
            problems.add(0, "plik nie jest poprawnym plikiem YAML (komunikat parsera: " + e.getMessage() + ").");
            return raw;
        }
        if (root == null) {
            problems.add(0, "plik jest pusty.");
            return raw;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(line(root), "plik musi zaczynać się od kluczy „rok:” i rozdziałów (mapy klucz: wartość).");
            return raw;
        }
        for (NodeTuple tuple : entries(mapping, "", problems)) {
            String key = key(tuple);
            Node value = tuple.getValueNode();
            if (key.equals(ResourceCatalogue.YEAR)) {
                raw.declaredYear = new RawResources.Text(scalarText(value), line(tuple.getKeyNode()));
                if (!(value instanceof ScalarNode)) {
                    problems.add(line(value), "„rok” musi być liczbą, np. rok: 2025.");
                }
            } else if (key.equals(ResourceCatalogue.SOURCES)) {
                readSources(value, raw, problems);
            } else if (ResourceCatalogue.chapter(key).isPresent()) {
                readChapter(key, tuple, raw, problems);
            } else {
                problems.add(line(tuple.getKeyNode()), "nieznany klucz „" + key + "”"
                        + Suggestions.hint(key, topLevelKeys()));
            }
        }
        return raw;
    }

    private static void readChapter(String chapterKey, NodeTuple tuple, RawResources raw, ResourceProblems problems) {
        RawResources.ChapterEntry chapter = new RawResources.ChapterEntry(chapterKey, line(tuple.getKeyNode()));
        raw.chapters.put(chapterKey, chapter);
        if (!(tuple.getValueNode() instanceof MappingNode positions)) {
            if (!isEmpty(tuple.getValueNode())) {
                problems.add(line(tuple.getValueNode()), "rozdział „" + chapterKey
                        + "” musi zawierać pozycje (klucz: lata), a nie pojedynczą wartość.");
            }
            return;
        }
        for (NodeTuple positionTuple : entries(positions, chapterKey + ".", problems)) {
            String positionKey = key(positionTuple);
            RawResources.PositionEntry position =
                    new RawResources.PositionEntry(positionKey, line(positionTuple.getKeyNode()));
            chapter.positions.put(positionKey, position);
            Node years = positionTuple.getValueNode();
            if (!(years instanceof MappingNode yearMapping)) {
                if (isEmpty(years)) {
                    continue; // reported as missing years by the validator
                }
                problems.add(line(years), "pozycja " + chapterKey + "." + positionKey
                        + " musi podawać wartości według lat (np. 2025: 123), a nie jedną wartość.");
                continue;
            }
            for (NodeTuple yearTuple : entries(yearMapping, chapterKey + "." + positionKey + ", rok ", problems)) {
                Node value = yearTuple.getValueNode();
                String yearKey = key(yearTuple);
                if (value instanceof ScalarNode scalar) {
                    boolean empty = scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank();
                    position.years.put(yearKey, new RawResources.Value(scalar.getValue(), empty, line(value)));
                } else {
                    problems.add(line(value), "wartość w pozycji " + chapterKey + "." + positionKey + ", rok " + yearKey
                            + " nie jest liczbą (wpisz liczbę albo „" + ResourceCatalogue.NO_DATA + "”).");
                    position.years.put(yearKey, null);
                }
            }
        }
    }

    private static void readSources(Node node, RawResources raw, ResourceProblems problems) {
        if (!(node instanceof MappingNode mapping)) {
            if (!isEmpty(node)) {
                problems.add(line(node), "„zrodla” musi zawierać pary rozdział: opis źródła danych.");
            }
            return;
        }
        for (NodeTuple tuple : entries(mapping, ResourceCatalogue.SOURCES + ".", problems)) {
            String key = key(tuple);
            if (!(tuple.getValueNode() instanceof ScalarNode)) {
                problems.add(line(tuple.getValueNode()), "opis źródła dla „" + key + "” musi być tekstem.");
                continue;
            }
            raw.sources.put(key, new RawResources.Text(scalarText(tuple.getValueNode()), line(tuple.getKeyNode())));
        }
    }

    /** the tuples of a mapping without repeated keys (a repeated key is a problem naming the first line) */
    private static List<NodeTuple> entries(MappingNode mapping, String where, ResourceProblems problems) {
        Map<String, Integer> seen = new HashMap<>();
        List<NodeTuple> result = new java.util.ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode)) {
                problems.add(line(tuple.getKeyNode()), "klucz musi być pojedynczym słowem albo liczbą.");
                continue;
            }
            String key = key(tuple);
            Integer first = seen.putIfAbsent(key, line(tuple.getKeyNode()));
            if (first != null) {
                problems.add(line(tuple.getKeyNode()), "powtórzony klucz „" + where + key + "” (pierwszy raz w wierszu "
                        + first + "); obowiązuje pierwszy.");
                continue;
            }
            result.add(tuple);
        }
        return result;
    }

    private static String key(NodeTuple tuple) {
        return ((ScalarNode) tuple.getKeyNode()).getValue().trim();
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL) ? scalar.getValue().trim() : "";
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static List<String> topLevelKeys() {
        List<String> keys = new java.util.ArrayList<>();
        keys.add(ResourceCatalogue.YEAR);
        ResourceCatalogue.CHAPTERS.forEach(c -> keys.add(c.key()));
        keys.add(ResourceCatalogue.SOURCES);
        return keys;
    }

    static String syntaxMessage(String problem) {
        String p = problem == null ? "" : problem;
        String polish;
        if (p.contains("TAB") || p.contains("\\t") || p.contains("\t")) {
            polish = "znak tabulacji — w pliku YAML wcięcia robi się spacjami";
        } else if (p.contains("mapping values are not allowed")) {
            polish = "niespodziewany dwukropek — sprawdź wcięcia; tekst z dwukropkiem ujmij w cudzysłów";
        } else if (p.contains("could not find expected ':'")) {
            polish = "brak dwukropka po kluczu";
        } else if (p.contains("expected <block end>") || p.contains("bad indentation")) {
            polish = "złe wcięcie — klucze jednego poziomu muszą zaczynać się w tej samej kolumnie";
        } else if (p.contains("found unexpected end of stream") || p.contains("found unexpected end")) {
            polish = "niedomknięty cudzysłów albo nawias";
        } else {
            polish = "błąd składni YAML";
        }
        return polish + " (komunikat parsera: " + p + ").";
    }
}
