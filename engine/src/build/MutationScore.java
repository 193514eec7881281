import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints PIT's score per mutated class from its mutations.xml: run as a source file by the mutation profile
 * ({@code java MutationScore.java target/pit-reports/mutations.xml}). Detected counts killed mutants and those
 * that made the tests time out or crash, as PIT's own total does.
 */
public class MutationScore {

    private static final Pattern MUTATION = Pattern.compile(
            "<mutation [^>]*status='([A-Z_]+)'.*?<mutatedClass>([^<]+)</mutatedClass>", Pattern.DOTALL);

    public static void main(String[] args) throws Exception {
        String xml = Files.readString(Path.of(args[0]));
        Map<String, int[]> byClass = new TreeMap<>();
        Matcher m = MUTATION.matcher(xml);
        while (m.find()) {
            String top = m.group(2).replaceFirst("\\$.*", "");
            int[] c = byClass.computeIfAbsent(top, k -> new int[5]);
            c[0]++;
            switch (m.group(1)) {
                case "KILLED" -> c[1]++;
                case "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR" -> c[2]++;
                case "SURVIVED" -> c[3]++;
                default -> c[4]++;
            }
        }
        System.out.printf("%-48s %7s %7s %8s %8s %8s %9s%n",
                "class", "mutants", "killed", "timedOut", "survived", "noCover", "detected");
        int[] all = new int[5];
        byClass.forEach((name, c) -> {
            print(name, c);
            for (int i = 0; i < c.length; i++) {
                all[i] += c[i];
            }
        });
        print("total", all);
    }

    private static void print(String name, int[] c) {
        System.out.printf("%-48s %7d %7d %8d %8d %8d %8.1f%%%n",
                name, c[0], c[1], c[2], c[3], c[4], c[0] == 0 ? 100.0 : 100.0 * (c[1] + c[2]) / c[0]);
    }
}
